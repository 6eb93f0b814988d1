import { EmptyState, ImportHint } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { LoadMore } from '../../components/LoadMore.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useServices } from '../../hooks/queries/use-services.js';
import { useDebounced } from '../../hooks/use-debounced.js';
import { useFilterParams } from '../../hooks/use-filter-params.js';
import { ServiceTable } from './ServiceTable.js';

const FILTERS = ['q', 'owner', 'type', 'lifecycle', 'status'] as const;

/** Every service (Backstage Component) with its owner and the links to its outside signals. */
export function ServicesPage() {
  const filters = useFilterParams(FILTERS);
  const v = filters.values;
  const q = useDebounced(v.q);
  const owner = useDebounced(v.owner);
  const type = useDebounced(v.type);
  const lifecycle = useDebounced(v.lifecycle);
  const status = v.status === 'active' || v.status === 'orphaned' ? v.status : undefined;
  const list = useServices({
    q: q || undefined,
    owner: owner || undefined,
    type: type || undefined,
    lifecycle: lifecycle || undefined,
    status,
  });

  return (
    <div className="page">
      <PageHeader title="Services" subtitle="The software customer teams own, from the catalog." />
      <form className="filters" role="search" aria-label="Filter services" onSubmit={(e) => e.preventDefault()}>
        <div className="field field-grow">
          <label htmlFor="svc-q">Search</label>
          <input
            id="svc-q"
            type="search"
            placeholder="Name, title or description"
            value={v.q}
            onChange={(e) => filters.set('q', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="svc-owner">Owner</label>
          <input
            id="svc-owner"
            placeholder="team name"
            value={v.owner}
            onChange={(e) => filters.set('owner', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="svc-type">Type</label>
          <input
            id="svc-type"
            placeholder="service, website…"
            value={v.type}
            onChange={(e) => filters.set('type', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="svc-lifecycle">Lifecycle</label>
          <input
            id="svc-lifecycle"
            placeholder="production…"
            value={v.lifecycle}
            onChange={(e) => filters.set('lifecycle', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="svc-status">Status</label>
          <select id="svc-status" value={v.status} onChange={(e) => filters.set('status', e.target.value)}>
            <option value="">Any</option>
            <option value="active">Active</option>
            <option value="orphaned">Orphaned</option>
          </select>
        </div>
        {filters.active ? (
          <button type="button" className="button button-ghost" onClick={filters.clear}>
            Clear filters
          </button>
        ) : null}
      </form>
      {list.isPending ? (
        <Loading variant="table" count={8} label="Loading services" />
      ) : list.error ? (
        <ErrorState error={list.error} retry={() => void list.refetch()} what="services" />
      ) : list.items.length === 0 ? (
        filters.active ? (
          <EmptyState
            title="No service matches these filters"
            action={
              <button type="button" className="button" onClick={filters.clear}>
                Clear filters
              </button>
            }
          />
        ) : (
          <EmptyState title="No services in the catalog yet">
            <p>
              Services are Backstage <code>Component</code> entities.
            </p>
            <ImportHint />
          </EmptyState>
        )
      ) : (
        <>
          <ServiceTable services={list.items} caption="Services" />
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
