import { EmptyState, ImportHint } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useImports } from '../../hooks/queries/use-imports.js';
import { ImportItem } from './ImportItem.js';

/** Recent catalog imports, newest first, with what each changed and what it rejected. */
export function ImportsPage() {
  const imports = useImports();
  return (
    <div className="page page-narrow">
      <PageHeader
        title="Imports"
        subtitle="Each Backstage import is atomic: with any invalid document, nothing changes and every problem is listed."
      />
      {imports.isPending ? (
        <Loading variant="table" count={4} label="Loading imports" />
      ) : imports.error ? (
        <ErrorState error={imports.error} retry={() => void imports.refetch()} what="imports" />
      ) : imports.data.items.length === 0 ? (
        <EmptyState title="Nothing imported yet">
          <ImportHint />
        </EmptyState>
      ) : (
        <ol className="imports" aria-label="Recent imports">
          {imports.data.items.map((r) => (
            <ImportItem key={r.id} record={r} />
          ))}
        </ol>
      )}
    </div>
  );
}
