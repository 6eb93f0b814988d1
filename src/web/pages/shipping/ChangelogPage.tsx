import { Link } from 'react-router-dom';
import type { ReleaseType } from '../../api/release-types.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { LoadMore } from '../../components/LoadMore.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useIsAdmin } from '../../hooks/queries/use-me.js';
import { useReleases } from '../../hooks/queries/use-releases.js';
import { useDebounced } from '../../hooks/use-debounced.js';
import { useFilterParams } from '../../hooks/use-filter-params.js';
import { RELEASE_TYPE_INFO, RELEASE_TYPE_LIST } from '../../lib/release-kinds.js';
import { CapabilityInput } from '../voice/CatalogInputs.js';
import { ReleaseEntry } from './ReleaseEntry.js';
import { ReleaseTypesHelp } from './ReleaseTypesHelp.js';

// In the address, so a filtered changelog can be shared: ?capability=golden-ci&type=breaking,deprecation
const FILTERS = ['capability', 'type'] as const;

/** Every capability's releases, newest first, filtered by capability and type. */
export function ChangelogPage() {
  const filters = useFilterParams(FILTERS);
  const v = filters.values;
  const capability = useDebounced(v.capability.trim());
  const types = v.type.split(',').filter((t): t is ReleaseType => t in RELEASE_TYPE_INFO);
  const list = useReleases({ capability: capability || undefined, type: types.join(',') || undefined });
  const canWrite = useIsAdmin();
  const toggle = (t: ReleaseType) =>
    filters.set('type', (types.includes(t) ? types.filter((x) => x !== t) : [...types, t]).join(','));
  const newPath = `/shipping/releases/new${capability ? `?capability=${encodeURIComponent(capability)}` : ''}`;

  return (
    <div className="page">
      <PageHeader
        title="Changelog"
        subtitle="What the platform shipped: every capability's releases, newest first."
        actions={
          canWrite ? (
            <Link className="button button-primary" to={newPath}>
              New release
            </Link>
          ) : null
        }
      />
      <ReleaseTypesHelp />
      <form className="filters" role="search" aria-label="Filter releases" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="cl-capability">Capability</label>
          <CapabilityInput
            props={{ id: 'cl-capability', 'aria-invalid': false, 'aria-describedby': undefined }}
            value={v.capability}
            onChange={(value) => filters.set('capability', value)}
          />
        </div>
        <fieldset className="release-type-filter">
          <legend>Type</legend>
          <div className="row">
            {RELEASE_TYPE_LIST.map((t) => (
              <label key={t} className="check">
                <input type="checkbox" checked={types.includes(t)} onChange={() => toggle(t)} />{' '}
                {RELEASE_TYPE_INFO[t].label}
              </label>
            ))}
          </div>
        </fieldset>
        {filters.active ? (
          <button type="button" className="button button-ghost" onClick={filters.clear}>
            Clear filters
          </button>
        ) : null}
      </form>
      {list.isPending ? (
        <Loading count={4} label="Loading the releases" />
      ) : list.error ? (
        <ErrorState error={list.error} retry={() => void list.refetch()} what="the releases" />
      ) : list.items.length === 0 ? (
        <EmptyState
          title={filters.active ? 'No release matches these filters' : 'No release yet'}
          action={
            filters.active ? (
              <button type="button" className="button" onClick={filters.clear}>
                Clear filters
              </button>
            ) : null
          }
        >
          {filters.active
            ? null
            : 'Releases come from this page, the API, `paved release` in a pipeline, and the releases of capabilities’ repositories.'}
        </EmptyState>
      ) : (
        <>
          <div className="release-list" aria-label="Releases">
            {list.items.map((r) => (
              <ReleaseEntry key={r.id} release={r} />
            ))}
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
