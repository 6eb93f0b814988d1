import { Link } from 'react-router-dom';
import { EmptyState, ImportHint } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { LoadMore } from '../../components/LoadMore.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useCapabilities } from '../../hooks/queries/use-capabilities.js';
import { useIsAdmin } from '../../hooks/queries/use-me.js';
import { useDebounced } from '../../hooks/use-debounced.js';
import { useFilterParams } from '../../hooks/use-filter-params.js';
import { LIFECYCLES, lifecycleLabel } from '../../lib/lifecycle.js';
import { CapabilityCard } from './CapabilityCard.js';

const FILTERS = ['q', 'lifecycle', 'category'] as const;

/** The storefront: every capability the platform offers, filterable by lifecycle, category and text. */
export function CapabilitiesPage() {
  const isAdmin = useIsAdmin();
  const filters = useFilterParams(FILTERS);
  const { q, lifecycle, category } = filters.values;
  const debouncedQ = useDebounced(q);
  const list = useCapabilities({ q: debouncedQ || undefined, lifecycle: lifecycle || undefined });
  // The API has no category filter, so categories are filtered among the capabilities loaded so far.
  const categories = [...new Set(list.items.map((c) => c.category).filter((c): c is string => Boolean(c)))].sort();
  if (category && !categories.includes(category)) categories.push(category);
  const shown = category ? list.items.filter((c) => c.category === category) : list.items;

  return (
    <div className="page">
      <PageHeader
        title="Capabilities"
        subtitle="What the platform offers its customer teams, and how mature each offer is."
        actions={
          isAdmin ? (
            <Link className="button button-primary" to="/capabilities/new">
              New capability
            </Link>
          ) : null
        }
      />
      <form className="filters" role="search" aria-label="Filter capabilities" onSubmit={(e) => e.preventDefault()}>
        <div className="field field-grow">
          <label htmlFor="cap-q">Search</label>
          <input
            id="cap-q"
            type="search"
            placeholder="Name, title or description"
            value={q}
            onChange={(e) => filters.set('q', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="cap-lifecycle">Lifecycle</label>
          <select id="cap-lifecycle" value={lifecycle} onChange={(e) => filters.set('lifecycle', e.target.value)}>
            <option value="">All lifecycles</option>
            {LIFECYCLES.map((l) => (
              <option key={l} value={l}>
                {lifecycleLabel(l)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="cap-category">Category</label>
          <select id="cap-category" value={category} onChange={(e) => filters.set('category', e.target.value)}>
            <option value="">All categories</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        {filters.active ? (
          <button type="button" className="button button-ghost" onClick={filters.clear}>
            Clear filters
          </button>
        ) : null}
      </form>

      {list.isPending ? (
        <Loading variant="cards" count={6} label="Loading capabilities" />
      ) : list.error ? (
        <ErrorState error={list.error} retry={() => void list.refetch()} what="capabilities" />
      ) : shown.length === 0 ? (
        filters.active ? (
          <EmptyState
            title="No capability matches these filters"
            action={
              <button type="button" className="button" onClick={filters.clear}>
                Clear filters
              </button>
            }
          >
            {category && list.hasNextPage ? (
              <p>Only the capabilities loaded so far were checked for this category.</p>
            ) : null}
          </EmptyState>
        ) : (
          <EmptyState
            title="No capabilities in the catalog yet"
            action={
              isAdmin ? (
                <Link className="button button-primary" to="/capabilities/new">
                  Create the first capability
                </Link>
              ) : null
            }
          >
            <p>
              Capabilities are Paved&apos;s own descriptor kind: add <code>kind: Capability</code> documents next to
              your Backstage catalog.
            </p>
            <ImportHint />
          </EmptyState>
        )
      ) : (
        <>
          <div className="card-grid">
            {shown.map((c) => (
              <CapabilityCard key={c.ref} capability={c} />
            ))}
          </div>
          <LoadMore
            hasNextPage={list.hasNextPage}
            isFetchingNextPage={list.isFetchingNextPage}
            fetchNextPage={list.fetchNextPage}
            shown={shown.length}
          />
        </>
      )}
    </div>
  );
}
