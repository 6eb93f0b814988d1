import { Link } from 'react-router-dom';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { LoadMore } from '../../components/LoadMore.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useBacklog } from '../../hooks/queries/use-backlog.js';
import { BacklogRowView } from './BacklogRowView.js';
import { useMyTeams } from './my-teams.js';

/** Open problems and requests ranked by RICE = reach × impact × confidence / effort, each with its arithmetic. */
export function BacklogPage() {
  const backlog = useBacklog();
  const { platform } = useMyTeams();
  return (
    <div className="page">
      <PageHeader
        title="Backlog"
        subtitle="Open problems and requests ranked by RICE = reach × impact × confidence / effort. Reach is counted from the data (distinct customer teams); the platform team sets the rest."
      />
      {backlog.isPending ? (
        <Loading variant="table" count={6} label="Loading the backlog" />
      ) : backlog.error ? (
        <ErrorState error={backlog.error} retry={() => void backlog.refetch()} what="the backlog" />
      ) : backlog.items.length === 0 ? (
        <EmptyState title="Nothing in the backlog">
          Open problems and open requests outside any problem show here. Start from the{' '}
          <Link to="/voice/inbox">inbox</Link>.
        </EmptyState>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table backlog" aria-label="Backlog">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    #
                  </th>
                  <th scope="col">Problem or request</th>
                  <th scope="col" className="num">
                    Reach
                  </th>
                  <th scope="col" className="num">
                    Impact
                  </th>
                  <th scope="col" className="num">
                    Confidence
                  </th>
                  <th scope="col" className="num">
                    Effort
                  </th>
                  <th scope="col" className="num">
                    RICE
                  </th>
                  <th scope="col">Arithmetic</th>
                  <th scope="col">
                    <span className="visually-hidden">Edit</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {backlog.items.map((r, i) => (
                  <BacklogRowView key={`${r.kind}-${r.id}`} row={r} rank={i + 1} editable={platform} />
                ))}
              </tbody>
            </table>
          </div>
          <LoadMore
            hasNextPage={backlog.hasNextPage}
            isFetchingNextPage={backlog.isFetchingNextPage}
            fetchNextPage={backlog.fetchNextPage}
            shown={backlog.items.length}
          />
          <p className="small muted">
            Impact: 0.25 minimal, 0.5 low, 1 medium, 2 high, 3 massive. Confidence in %. Effort in person-weeks. Rows
            missing an input come last and say which.
          </p>
        </>
      )}
    </div>
  );
}
