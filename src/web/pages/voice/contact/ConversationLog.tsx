import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Card } from '../../../components/Card.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { ErrorState } from '../../../components/ErrorState.js';
import { Loading } from '../../../components/Loading.js';
import { LoadMore } from '../../../components/LoadMore.js';
import { useConversations } from '../../../hooks/queries/use-conversations.js';
import { useIsAdmin } from '../../../hooks/queries/use-me.js';
import { useTeams } from '../../../hooks/queries/use-teams.js';
import { EntitySelect } from '../dashboards/EntitySelect.js';
import { ConversationEntry } from './ConversationEntry.js';
import { ConversationForm } from './ConversationForm.js';

/** Conversations with customer teams, newest first, filtered by team (and platform team) in the address bar. */
export function ConversationLog() {
  const [params, setParams] = useSearchParams();
  const team = params.get('team') ?? '';
  const platformTeam = params.get('platformTeam') ?? '';
  const filters = { ...(team ? { team } : {}), ...(platformTeam ? { platformTeam } : {}) };
  const conversations = useConversations(filters);
  const customers = useTeams({ kind: 'customer' });
  const isAdmin = useIsAdmin();
  const [logging, setLogging] = useState(false);
  const setFilter = (name: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  return (
    <div id="conversations" className="voice-anchor">
      <Card
        title="Conversations"
        actions={
          isAdmin && !logging ? (
            <button type="button" className="button button-primary" onClick={() => setLogging(true)}>
              Log a conversation
            </button>
          ) : null
        }
      >
        {logging ? (
          <ConversationForm
            team={team}
            onDone={(teamName) => {
              setLogging(false);
              if (team && teamName !== team) setFilter('team', teamName);
            }}
            onCancel={() => setLogging(false)}
          />
        ) : null}
        <div className="filters voice-filters" role="search" aria-label="Filter conversations">
          <EntitySelect
            id="conversation-team"
            label="Team"
            all="All customer teams"
            list={customers}
            value={team}
            onChange={(v) => setFilter('team', v)}
          />
          {platformTeam ? (
            <p className="small">
              By <strong>{platformTeam}</strong>{' '}
              <button
                type="button"
                className="button button-small button-ghost"
                onClick={() => setFilter('platformTeam', '')}
              >
                Any platform team
              </button>
            </p>
          ) : null}
        </div>
        {conversations.isPending ? (
          <Loading count={4} label="Loading the conversations" />
        ) : conversations.error ? (
          <ErrorState error={conversations.error} retry={() => void conversations.refetch()} what="the conversations" />
        ) : conversations.items.length === 0 ? (
          <EmptyState compact title={team ? `No conversation with ${team} yet` : 'No conversation logged yet'}>
            <p>
              A platform team member logs each talk with a customer team: who took part, what was said, which pains came
              up. Contact coverage counts them.
            </p>
          </EmptyState>
        ) : (
          <>
            <ul className="voice-entries" aria-label="Conversation log">
              {conversations.items.map((c) => (
                <ConversationEntry key={c.id} conversation={c} />
              ))}
            </ul>
            <LoadMore
              hasNextPage={conversations.hasNextPage}
              isFetchingNextPage={conversations.isFetchingNextPage}
              fetchNextPage={conversations.fetchNextPage}
              shown={conversations.items.length}
            />
          </>
        )}
      </Card>
    </div>
  );
}
