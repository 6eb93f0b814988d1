import { Link } from 'react-router-dom';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { LoadMore } from '../../components/LoadMore.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Tabs } from '../../components/Tabs.js';
import { useProblems } from '../../hooks/queries/use-problems.js';
import { useFilterParams } from '../../hooks/use-filter-params.js';
import { formatNumber, plural } from '../../lib/format.js';
import { KIND_LIST, severityLabel } from '../../lib/voice-kinds.js';
import { StatusBadge } from './StatusBadge.js';

const STATUSES = ['open', 'solved', 'dismissed'];

/** Common problems: what many teams said, with how many teams it touches and the hours it costs them. */
export function ProblemsPage() {
  const filters = useFilterParams(['status'] as const);
  const wanted = filters.values.status || 'open';
  const status = [...STATUSES, 'all'].includes(wanted) ? wanted : 'open';
  const list = useProblems({ status: status === 'all' ? undefined : status });
  const tabs = [...STATUSES, 'all'].map((s) => ({
    label: s[0]?.toUpperCase() + s.slice(1),
    to: `/voice/problems?status=${s}`,
    active: s === status,
  }));
  return (
    <div className="page">
      <PageHeader
        title="Problems"
        subtitle="Pains, requests, bugs and support requests that describe one need: solve it once, serve every team."
      />
      <div>
        <Tabs items={tabs} label="Problem status" />
      </div>
      {list.isPending ? (
        <Loading variant="table" count={5} label="Loading problems" />
      ) : list.error ? (
        <ErrorState error={list.error} retry={() => void list.refetch()} what="problems" />
      ) : list.items.length === 0 ? (
        <EmptyState
          title={
            status === 'open' ? 'No open problem yet' : status === 'all' ? 'No problem yet' : `No ${status} problem`
          }
        >
          Accept a suggestion in the <Link to="/voice/inbox">inbox</Link>, or group items there by hand.
        </EmptyState>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table" aria-label="Problems">
              <thead>
                <tr>
                  <th scope="col">Problem</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="num">
                    Reach
                  </th>
                  <th scope="col" className="num">
                    Hours / week
                  </th>
                  <th scope="col">Severity</th>
                  <th scope="col">Items</th>
                  <th scope="col" className="num">
                    RICE
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((p) => (
                  <tr key={p.id}>
                    <td className="break">
                      <Link to={`/voice/problems/${p.id}`}>{p.title}</Link>
                    </td>
                    <td>
                      <StatusBadge status={p.status} />
                    </td>
                    <td className="num">
                      <Link to={`/voice/problems/${p.id}#teams`} title={p.teams.join(', ')}>
                        {formatNumber(p.reach)}
                      </Link>
                    </td>
                    <td className="num">
                      <Link to={`/voice/pains?problem=${p.id}`}>{formatNumber(p.hoursLostPerWeek)}</Link>
                    </td>
                    <td className="nowrap">{severityLabel(p.severity)}</td>
                    <td>
                      <span className="counts">
                        {KIND_LIST.filter((k) => p.counts[k.kind] > 0).map((k) => (
                          <Link key={k.kind} to={`/voice/${k.page}?problem=${p.id}`}>
                            {plural(p.counts[k.kind], k.label)}
                          </Link>
                        ))}
                      </span>
                    </td>
                    <td className="num" title={p.arithmetic}>
                      {p.rice === null ? <span className="muted">—</span> : formatNumber(p.rice)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <LoadMore
            hasNextPage={list.hasNextPage}
            isFetchingNextPage={list.isFetchingNextPage}
            fetchNextPage={list.fetchNextPage}
            shown={list.items.length}
          />
        </>
      )}
    </div>
  );
}
