import { Card } from '../../components/Card.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useIsOrgAdmin } from '../../hooks/queries/use-me.js';
import { useRemap } from '../../hooks/queries/use-remap.js';
import { useUnmapped } from '../../hooks/queries/use-unmapped.js';
import { plural } from '../../lib/format.js';
import { FailedDeliveries } from './FailedDeliveries.js';
import { UnmappedNames } from './UnmappedNames.js';

/** Facts Paved kept but could not tie to a service, and deliveries it could not read: what to fix, and how. */
export function UnmappedPage() {
  const admin = useIsOrgAdmin();
  const unmapped = useUnmapped();
  const remap = useRemap();
  const items = unmapped.data?.items ?? [];
  const actions = admin ? (
    <button type="button" className="button button-primary" onClick={() => remap.mutate()} disabled={remap.isPending}>
      {remap.isPending ? 'Mapping…' : 'Map again'}
    </button>
  ) : undefined;
  const r = remap.data;

  return (
    <div className="page unmapped-page">
      <PageHeader
        title="Unmapped"
        subtitle="Deployments, commits and incidents that arrived under a repository or PagerDuty service no service in the catalog names. They are kept, never dropped."
      />
      <Card title={`Names that map to no service (${items.length})`} actions={actions}>
        <p className="muted small">
          Add the annotation to the service’s <code>catalog-info.yaml</code> under <code>metadata.annotations</code>,
          import the catalog again, then map again: the facts join that service’s numbers.
        </p>
        {r ? (
          <p className="alert alert-success" role="status" data-testid="remap-result">
            {r.deployments + r.changes + r.incidents === 0
              ? 'Nothing new mapped: no service carries these annotations yet.'
              : `Mapped ${plural(r.deployments, 'deployment')}, ${plural(r.changes, 'change')} and ${plural(r.incidents, 'incident')} to their services.`}
          </p>
        ) : null}
        {remap.error ? <ErrorState error={remap.error} /> : null}
        {unmapped.isPending ? (
          <Loading variant="table" count={4} label="Loading unmapped names" />
        ) : unmapped.error ? (
          <ErrorState error={unmapped.error} retry={() => void unmapped.refetch()} what="unmapped names" />
        ) : items.length === 0 ? (
          <EmptyState compact title="Everything maps to a service">
            <p>
              Every repository and PagerDuty service that sent facts is named by a service’s{' '}
              <code>github.com/project-slug</code>, <code>gitlab.com/project-slug</code> or{' '}
              <code>pagerduty.com/service-id</code> annotation.
            </p>
          </EmptyState>
        ) : (
          <UnmappedNames items={items} />
        )}
      </Card>
      <FailedDeliveries admin={admin} />
    </div>
  );
}
