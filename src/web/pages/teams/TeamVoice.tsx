import { Link } from 'react-router-dom';
import { Badge } from '../../components/Badge.js';
import { Card } from '../../components/Card.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { useTeamVoice } from '../../hooks/queries/use-team-voice.js';
import { formatDate } from '../../lib/format.js';
import { ConversationEntry } from '../voice/contact/ConversationEntry.js';
import { EngagementChange } from './EngagementChange.js';
import { TeamTopItems } from './TeamTopItems.js';

const DAY = 86_400_000;
const RECENT = 3;

/** Whether the last conversation falls in the 90 days up to today (the coverage window, today included). */
function contactedLately(lastContact: string | null): boolean {
  if (!lastContact) return false;
  const today = Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  return Date.parse(`${lastContact}T00:00:00Z`) >= today - 89 * DAY;
}

/** The team page's Voice: last contact, buddy, open pains and requests, recent conversations, engagements. */
export function TeamVoice({ name }: { name: string }) {
  const voice = useTeamVoice(name);
  const contactPath = `/voice/contact?team=${encodeURIComponent(name)}#conversations`;
  return (
    <Card
      title="Voice"
      className="team-voice"
      actions={
        <Link className="button button-small" to={contactPath}>
          Conversations
        </Link>
      }
    >
      {voice.isPending ? (
        <Loading count={4} label="Loading the team’s voice" />
      ) : voice.error ? (
        <ErrorState error={voice.error} retry={() => void voice.refetch()} what="the team’s voice" />
      ) : (
        <div className="stack">
          <div className="grid-2">
            <div data-testid="team-last-contact" className="voice-anchor">
              <h3 className="subheading">Last contact</h3>
              <p>
                {voice.data.lastContact ? formatDate(voice.data.lastContact) : 'Never'}{' '}
                {contactedLately(voice.data.lastContact) ? null : (
                  <Badge tone="warning">no conversation in 90 days</Badge>
                )}
              </p>
            </div>
            <div data-testid="team-buddy" className="voice-anchor">
              <h3 className="subheading">Buddy</h3>
              {voice.data.engagements
                .filter((e) => e.status === 'current')
                .map((e) => (
                  <p key={e.id}>
                    <strong>{e.engineer}</strong>{' '}
                    <span className="muted small">
                      since {formatDate(e.startsOn)}
                      {e.endsOn ? `, until ${formatDate(e.endsOn)}` : ''}
                    </span>
                  </p>
                ))}
              {voice.data.engagements.some((e) => e.status === 'current') ? null : (
                <p className="muted">No platform engineer embedded now.</p>
              )}
            </div>
          </div>
          <div className="grid-2">
            <TeamTopItems team={name} kind="pains" />
            <TeamTopItems team={name} kind="requests" />
          </div>
          <div>
            <h3 className="subheading">Recent conversations</h3>
            {voice.data.conversations.length === 0 ? (
              <p className="muted">
                No conversation logged. <Link to={contactPath}>Log one</Link>
              </p>
            ) : (
              <>
                <ul className="voice-entries" aria-label="Recent conversations">
                  {voice.data.conversations.slice(0, RECENT).map((c) => (
                    <ConversationEntry key={c.id} conversation={c} showTeam={false} />
                  ))}
                </ul>
                <Link className="voice-more" to={contactPath}>
                  All conversations with {name} →
                </Link>
              </>
            )}
          </div>
          {voice.data.engagements.length > 0 ? (
            <div>
              <h3 className="subheading">Buddy engagements</h3>
              <ul className="voice-entries" aria-label="Buddy engagements">
                {voice.data.engagements.map((e) => (
                  <EngagementChange key={e.id} engagement={e} />
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      )}
    </Card>
  );
}
