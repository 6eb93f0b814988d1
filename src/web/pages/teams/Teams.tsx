import { Link } from 'react-router-dom';
import { StatusBadge, TeamKindBadge } from '../../components/Badge.js';
import { EmptyState, ImportHint } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { LoadMore } from '../../components/LoadMore.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Tabs } from '../../components/Tabs.js';
import { useAdoptionMatrix } from '../../hooks/queries/use-adoption-matrix.js';
import { useOverview } from '../../hooks/queries/use-overview.js';
import { useTeams } from '../../hooks/queries/use-teams.js';
import { useDebounced } from '../../hooks/use-debounced.js';
import { useFilterParams } from '../../hooks/use-filter-params.js';
import { entityPath, pathOfRef, shortRef } from '../../lib/refs.js';
import { CapabilitiesCell } from './CapabilitiesCell.js';

const FILTERS = ['kind', 'q'] as const;

/** Customer teams (own services, use capabilities) and platform teams (offer capabilities), by title. */
export function TeamsPage() {
  const filters = useFilterParams(FILTERS);
  const kind =
    filters.values.kind === 'customer' || filters.values.kind === 'platform' ? filters.values.kind : undefined;
  const q = useDebounced(filters.values.q);
  const list = useTeams({ kind, q: q || undefined });
  const overview = useOverview().data;
  const matrix = useAdoptionMatrix().data;
  // Capabilities each customer team uses now (churned ones are no longer used).
  const used = matrix
    ? matrix.cells.reduce(
        (n, c) => (c.status === 'active' ? n.set(c.teamRef, (n.get(c.teamRef) ?? 0) + 1) : n),
        new Map<string, number>(),
      )
    : undefined;
  const withQ = (k: string) => {
    const params = new URLSearchParams();
    if (k) params.set('kind', k);
    if (filters.values.q) params.set('q', filters.values.q);
    return `/teams${params.size ? `?${params}` : ''}`;
  };

  return (
    <div className="page">
      <PageHeader
        title="Teams"
        subtitle="Customer teams own services and use capabilities; platform teams offer capabilities."
      />
      <div className="toolbar">
        <Tabs
          label="Team kind"
          items={[
            { label: 'All teams', to: withQ(''), active: !kind },
            { label: 'Customer', to: withQ('customer'), active: kind === 'customer', count: overview?.customerTeams },
            { label: 'Platform', to: withQ('platform'), active: kind === 'platform', count: overview?.platformTeams },
          ]}
        />
        <div className="field field-inline">
          <label htmlFor="team-q" className="visually-hidden">
            Filter teams
          </label>
          <input
            id="team-q"
            type="search"
            placeholder="Filter teams"
            value={filters.values.q}
            onChange={(e) => filters.set('q', e.target.value)}
          />
        </div>
      </div>
      {list.isPending ? (
        <Loading variant="table" count={6} label="Loading teams" />
      ) : list.error ? (
        <ErrorState error={list.error} retry={() => void list.refetch()} what="teams" />
      ) : list.items.length === 0 ? (
        filters.active ? (
          <EmptyState
            title="No team matches"
            action={
              <button type="button" className="button" onClick={filters.clear}>
                Show all teams
              </button>
            }
          >
            {kind === 'platform' ? (
              <p>A platform team is one that owns at least one capability.</p>
            ) : kind === 'customer' ? (
              <p>A customer team is one that owns at least one service.</p>
            ) : null}
          </EmptyState>
        ) : (
          <EmptyState title="No teams in the catalog yet">
            <p>
              Teams are Backstage <code>Group</code> entities.
            </p>
            <ImportHint />
          </EmptyState>
        )
      ) : (
        <>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Team</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Parent</th>
                  <th scope="col" className="num">
                    Services
                  </th>
                  <th scope="col" className="num" title="Capabilities a platform team offers, or a customer team uses">
                    Capabilities offered / used
                  </th>
                  <th scope="col" className="num">
                    Members
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((t) => {
                  const parent = t.parentRef ? pathOfRef(t.parentRef) : null;
                  return (
                    <tr key={t.ref}>
                      <th scope="row">
                        <Link to={entityPath('team', t.name, t.namespace) ?? '#'}>{t.title || t.name}</Link>{' '}
                        <StatusBadge status={t.status} />
                        {t.title ? <div className="mono muted small">{t.name}</div> : null}
                      </th>
                      <td>
                        <TeamKindBadge kind={t.teamKind} />
                      </td>
                      <td>
                        {t.parentRef ? (
                          parent && t.parent ? (
                            <Link to={parent}>{t.parent.title || t.parent.name}</Link>
                          ) : (
                            <span title="Not a team of the catalog">{shortRef(t.parentRef)}</span>
                          )
                        ) : (
                          <span className="muted">—</span>
                        )}
                      </td>
                      <td className="num">{t.counts.services}</td>
                      <td className="num" data-cell="capabilities">
                        <CapabilitiesCell team={t} used={used} />
                      </td>
                      <td className="num">{t.counts.members}</td>
                    </tr>
                  );
                })}
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
