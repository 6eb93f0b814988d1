import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { LoadMore } from '../../components/LoadMore.js';
import { useDeployments, type DeploymentFilters } from '../../hooks/queries/use-deployments.js';
import { DeploymentTable } from './DeploymentTable.js';

/** The production deployments matching the filters, page by page. */
export function DeploymentList({ filters, caption }: { filters: DeploymentFilters; caption: string }) {
  const list = useDeployments(filters);
  if (list.isPending) return <Loading variant="table" count={5} label="Loading deployments" />;
  if (list.error) return <ErrorState error={list.error} retry={() => void list.refetch()} what="deployments" />;
  if (list.items.length === 0) {
    const title = filters.failed
      ? 'No deployment caused an incident in this period'
      : filters.rework
        ? 'No deployment was made during an open incident'
        : 'No production deployment in this period';
    return <EmptyState compact title={title} />;
  }
  return (
    <>
      <DeploymentTable deployments={list.items} caption={caption} />
      <LoadMore
        hasNextPage={list.hasNextPage}
        isFetchingNextPage={list.isFetchingNextPage}
        fetchNextPage={list.fetchNextPage}
        shown={list.items.length}
      />
    </>
  );
}
