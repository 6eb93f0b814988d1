import { useState } from 'react';
import type { ImportRecord } from '../../api/types.js';
import { EmptyState, ImportHint } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useIsOrgAdmin, useMe } from '../../hooks/queries/use-me.js';
import { useImports } from '../../hooks/queries/use-imports.js';
import type { ImportStarted } from '../../hooks/queries/use-start-import.js';
import { FeedbackImportForm } from './FeedbackImportForm.js';
import { ImportForm } from './ImportForm.js';
import { ImportItem } from './ImportItem.js';

/** The run just started, as the list has it (it polls while a URL import runs), else as the upload answered. */
function startedRecord(started: ImportStarted, now: string): ImportRecord {
  if (started.kind === 'queued') return started.record;
  const r = started.report;
  return {
    id: r.id ?? 0,
    kind: 'backstage',
    source: r.source,
    status: r.status,
    summary: r.summary,
    problems: r.problems,
    warnings: r.warnings,
    error: null,
    requestedBy: null,
    createdAt: now,
    finishedAt: now,
  };
}

/** Start an import (admins), see its report at once, and every recent import with what it changed and rejected. */
export function ImportsPage() {
  const imports = useImports();
  const isAdmin = useIsOrgAdmin();
  // Members import their own teams' feedback; viewers write nothing.
  const mayImportFeedback = (useMe().data?.role ?? 'viewer') !== 'viewer';
  const [started, setStarted] = useState<ImportRecord | null>(null);
  const latest = started ? (imports.data?.items.find((i) => i.id === started.id) ?? started) : null;
  const earlier = imports.data?.items.filter((i) => i.id !== latest?.id) ?? [];
  return (
    <div className="page page-narrow">
      <PageHeader
        title="Imports"
        subtitle="Each Backstage import is atomic: with any invalid document, nothing changes and every problem is listed."
      />
      {isAdmin ? <ImportForm onStarted={(s) => setStarted(startedRecord(s, new Date().toISOString()))} /> : null}
      {mayImportFeedback ? <FeedbackImportForm /> : null}
      {latest ? (
        <section className="import-run" aria-label="This run" data-testid="import-run">
          <h2>This run</h2>
          <ol className="imports">
            <ImportItem record={latest} />
          </ol>
        </section>
      ) : null}
      {imports.isPending ? (
        <Loading variant="table" count={4} label="Loading imports" />
      ) : imports.error ? (
        <ErrorState error={imports.error} retry={() => void imports.refetch()} what="imports" />
      ) : imports.data.items.length === 0 && !latest ? (
        <EmptyState title="Nothing imported yet">
          <ImportHint />
        </EmptyState>
      ) : earlier.length > 0 ? (
        <section aria-label="Recent imports">
          {latest ? <h2>Earlier runs</h2> : null}
          <ol className="imports" aria-label="Recent imports">
            {earlier.map((r) => (
              <ImportItem key={r.id} record={r} />
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
