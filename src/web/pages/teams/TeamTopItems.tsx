import { Link } from 'react-router-dom';
import type { PainItem, RequestItem } from '../../api/voice-dashboard-types.js';
import { EmptyState } from '../../components/EmptyState.js';
import { useVoiceItems } from '../../hooks/queries/use-voice-items.js';
import { plural } from '../../lib/format.js';
import { itemsPath } from '../voice/dashboards/item-links.js';

const TOP = 5;
/** The lists answer newest first; the largest page is read so the top five are the team's worst, not its newest. */
const PAGE = 200;

const worstFirst = (a: PainItem, b: PainItem) => a.severity - b.severity || b.hoursLostPerWeek - a.hoursLostPerWeek;
const mostVotedFirst = (a: RequestItem, b: RequestItem) => b.votes - a.votes || b.reach - a.reach;

/** A team's open pains (worst first) or open requests (most votes first): the top five, and a link to all. */
export function TeamTopItems({ team, kind }: { team: string; kind: 'pains' | 'requests' }) {
  const query = useVoiceItems(kind, { team, status: 'open', limit: PAGE });
  const all = itemsPath(kind, { team, status: 'open' });
  const label = kind === 'pains' ? 'open pain' : 'open request';
  return (
    <div data-testid={`team-${kind}`} className="voice-anchor">
      <h3 className="subheading">{kind === 'pains' ? 'Open pains' : 'Open requests'}</h3>
      {query.isPending ? (
        <p className="muted small">Loading…</p>
      ) : query.error ? (
        <p className="field-error">Could not load them: {query.error.message}</p>
      ) : query.data.items.length === 0 ? (
        <EmptyState compact title={kind === 'pains' ? 'No open pain' : 'No open request'} />
      ) : (
        <>
          <ul className="voice-items">
            {kind === 'pains'
              ? [...(query.data.items as PainItem[])]
                  .sort(worstFirst)
                  .slice(0, TOP)
                  .map((p) => (
                    <li key={p.id}>
                      <Link to={all}>{p.title}</Link>
                      <span className="voice-item-meta">
                        severity {p.severity} · {p.hoursLostPerWeek} h/week
                      </span>
                    </li>
                  ))
              : [...(query.data.items as RequestItem[])]
                  .sort(mostVotedFirst)
                  .slice(0, TOP)
                  .map((r) => (
                    <li key={r.id}>
                      <Link to={all}>{r.title}</Link>
                      <span className="voice-item-meta">
                        {plural(r.votes, 'vote')} · reach {r.reach}
                      </span>
                    </li>
                  ))}
          </ul>
          <Link className="voice-more" to={all}>
            All {label}s ({query.data.items.length}
            {query.data.nextCursor ? '+' : ''}) →
          </Link>
        </>
      )}
    </div>
  );
}
