import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { LoadMore } from '../../components/LoadMore.js';
import { useIncidents, type IncidentFilters } from '../../hooks/queries/use-incidents.js';
import { IncidentTable } from './IncidentTable.js';

const EMPTY = { open: 'No open incident in this period', resolved: 'No resolved incident in this period' } as const;

/** The incidents matching the filters, page by page, with designed loading, error and empty states. */
export function IncidentList({ filters, caption }: { filters: IncidentFilters; caption: string }) {
  const list = useIncidents(filters);
  if (list.isPending) return <Loading variant="table" count={5} label="Loading incidents" />;
  if (list.error) return <ErrorState error={list.error} retry={() => void list.refetch()} what="incidents" />;
  if (list.items.length === 0) {
    return (
      <EmptyState compact title={filters.status ? EMPTY[filters.status] : 'No incident was triggered in this period'}>
        <p>
          Incidents come from PagerDuty webhooks, GitHub and GitLab issues labelled <code>incident</code>, or{' '}
          <code>POST /api/v1/incidents</code>, on services of this scope.
        </p>
      </EmptyState>
    );
  }
  return (
    <>
      <IncidentTable incidents={list.items} caption={caption} />
      <LoadMore
        hasNextPage={list.hasNextPage}
        isFetchingNextPage={list.isFetchingNextPage}
        fetchNextPage={list.fetchNextPage}
        shown={list.items.length}
      />
    </>
  );
}
