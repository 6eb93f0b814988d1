import { Link, useSearchParams } from 'react-router-dom';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { LoadMore } from '../../components/LoadMore.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useTeams } from '../../hooks/queries/use-teams.js';
import { useWhatsNew } from '../../hooks/queries/use-whats-new.js';
import { useMyTeams } from '../voice/my-teams.js';
import { NewsList } from './NewsList.js';

function TeamNews({ team }: { team: string }) {
  const news = useWhatsNew(team);
  if (news.isPending) return <Loading variant="cards" count={3} label="Loading what’s new" />;
  if (news.error) return <ErrorState error={news.error} retry={() => void news.refetch()} what="what’s new" />;
  if (news.items.length === 0)
    return (
      <EmptyState title={`Nothing new for ${team} yet`}>
        Releases appear here for the capabilities {team} uses (its services match them, send usage events, or it
        declared using them) or asked for (its requests and votes).
      </EmptyState>
    );
  return (
    <>
      <NewsList items={news.items} />
      <LoadMore
        hasNextPage={news.hasNextPage}
        isFetchingNextPage={news.isFetchingNextPage}
        fetchNextPage={news.fetchNextPage}
        shown={news.items.length}
      />
    </>
  );
}

/**
 * What's new for a team: releases of what it uses or asked for. The team is `?team=`, else the signed-in person's
 * first customer team (a team that owns services), else their first team.
 */
export function WhatsNewPage() {
  const [params, setParams] = useSearchParams();
  const { teams: mine, me } = useMyTeams();
  const customers = useTeams({ kind: 'customer' });
  const customerNames = customers.items.map((t) => t.name);
  const team = params.get('team') || mine.find((t) => customerNames.includes(t)) || mine[0] || customerNames[0] || '';
  const options = [...new Set([...mine, ...customerNames, ...(team ? [team] : [])])];
  if (!me || (customers.isPending && !params.get('team'))) return <Loading label="Loading" />;
  return (
    <div className="page">
      <PageHeader
        title={team ? `What’s new for ${team}` : 'What’s new'}
        subtitle="Releases of the capabilities your team uses or asked for. Breaking changes and deprecations of what it uses come first while they are open (their deadline has not passed, or they have none and are from the last 90 days); then the rest, newest first."
        actions={
          <>
            <select
              aria-label="Team"
              className="select-auto"
              value={team}
              onChange={(e) => setParams({ team: e.target.value })}
            >
              {options.map((t) => (
                <option key={t} value={t}>
                  {t}
                  {mine.includes(t) ? ' (yours)' : ''}
                </option>
              ))}
            </select>
            <Link to="/shipping/feeds" className="button">
              Feeds
            </Link>
          </>
        }
      />
      {team ? (
        <TeamNews key={team} team={team} />
      ) : (
        <EmptyState title="No customer team to show">A customer team is one that owns at least one service.</EmptyState>
      )}
    </div>
  );
}
