import { Link, useSearchParams } from 'react-router-dom';
import type { ScannedRepository } from '../../api/types.js';
import { Badge } from '../../components/Badge.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Tabs } from '../../components/Tabs.js';
import { useRepositories } from '../../hooks/queries/use-repositories.js';
import { formatDateTime } from '../../lib/format.js';

/** As the server's attention counts: a repository not scanned in this many days is stale. */
const STALE_DAYS = 7;

/** Stale and failed as the home page counts them: one repository may be both. */
function isStale(r: ScannedRepository, now: number): boolean {
  return !r.lastScannedAt || now - new Date(r.lastScannedAt).getTime() > STALE_DAYS * 86_400_000;
}

/** The repositories `paved scan` has read: which service each belongs to, and which need scanning again. */
export function RepositoriesPage() {
  const query = useRepositories();
  const [params] = useSearchParams();
  const chosen = params.get('state');
  const filter = chosen === 'stale' || chosen === 'failed' ? chosen : null;
  const now = Date.now();
  const all = (query.data?.items ?? []).map((r) => ({ r, stale: isStale(r, now), failed: r.lastError !== null }));
  const shown = filter ? all.filter((x) => x[filter]) : all;
  const count = (state: 'stale' | 'failed') => all.filter((x) => x[state]).length;

  return (
    <div className="page repositories-page">
      <PageHeader
        title="Scanned repositories"
        subtitle={
          <>
            What <code>paved scan</code> (or <code>POST /api/v1/scans</code>) last read in each git repository: the
            capabilities a service uses come from here. Scan again to see changes since.
          </>
        }
      />
      <Tabs
        label="Scan state"
        items={[
          { label: 'All', to: '/repositories', active: !filter, count: query.data ? all.length : undefined },
          {
            label: `Not scanned in ${STALE_DAYS} days`,
            to: '/repositories?state=stale',
            active: filter === 'stale',
            count: query.data ? count('stale') : undefined,
          },
          {
            label: 'Last scan failed',
            to: '/repositories?state=failed',
            active: filter === 'failed',
            count: query.data ? count('failed') : undefined,
          },
        ]}
      />
      {query.isPending ? (
        <Loading variant="table" count={4} label="Loading repositories" />
      ) : query.error ? (
        <ErrorState error={query.error} retry={() => void query.refetch()} what="repositories" />
      ) : all.length === 0 ? (
        <EmptyState title="No repository scanned yet">
          <p>
            Run <code>paved scan ~/src</code> on a folder of git repositories: Paved finds each one’s service and the
            capabilities it uses.
          </p>
        </EmptyState>
      ) : shown.length === 0 ? (
        <EmptyState compact title="None">
          <p>
            <Link to="/repositories">Show every repository</Link>
          </p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label="Scanned repositories">
            <thead>
              <tr>
                <th scope="col">Repository</th>
                <th scope="col">Service</th>
                <th scope="col">Last scanned (UTC)</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {shown.map(({ r, stale, failed }) => (
                <tr key={r.path} data-repository={r.name}>
                  <th scope="row">
                    {r.name}
                    <div className="mono muted small">{r.remoteUrl ?? r.path}</div>
                  </th>
                  <td>
                    {r.service ? (
                      <Link to={`/services/${r.service}`}>{r.service}</Link>
                    ) : (
                      <span className="muted">no service</span>
                    )}
                  </td>
                  <td>
                    <time dateTime={r.lastScannedAt ?? undefined}>
                      {r.lastScannedAt ? formatDateTime(r.lastScannedAt, { zone: false }) : 'never'}
                    </time>
                  </td>
                  <td>
                    {failed ? <Badge tone="danger">last scan failed</Badge> : null}{' '}
                    {stale ? <Badge tone="warning">not scanned in {STALE_DAYS} days</Badge> : null}
                    {!failed && !stale ? <Badge tone="success">scanned this week</Badge> : null}
                    {r.lastError ? <div className="small muted">{r.lastError}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
