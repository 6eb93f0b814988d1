import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema/index.js';
import { printable } from '../../http/safe-text.js';
import { applyEntities, type ApplySummary } from '../catalog/apply-entities.js';
import { formatProblem, type CatalogFile } from '../catalog/entity.js';
import { parseCatalogFiles } from '../catalog/parse-catalog-files.js';
import { checkReferences } from './check-references.js';
import * as repo from './repo.js';

export interface ImportRequest {
  files: CatalogFile[];
  /** Entities of this source missing from the files become orphaned. */
  source: string;
  skipInvalid: boolean;
  actor: string | null;
  /** An import row made earlier (a queued URL import); otherwise one is made on success. */
  importId?: number;
}

export interface ImportResult {
  id: number | null;
  status: 'succeeded' | 'rejected';
  source: string;
  summary: ApplySummary & { skipped: number; invalid: number };
  problems: string[];
  warnings: string[];
  skipped: string[];
}

/**
 * Parses, validates and applies a set of descriptor files in one transaction. With any invalid
 * document and no skipInvalid, nothing is written at all.
 */
export async function runImport(db: Kysely<Database>, request: ImportRequest): Promise<ImportResult> {
  const parsed = parseCatalogFiles(request.files);
  const problems = parsed.problems.map(formatProblem);
  const skipped = parsed.skipped.map((s) =>
    printable(`${s.file}:${s.document}: kind ${s.kind} is not read by Paved; skipped`),
  );
  const empty = { created: 0, updated: 0, unchanged: 0, orphaned: 0, restored: 0 };
  // A document with three problems is one invalid document.
  const invalid = new Set(parsed.problems.map((p) => `${p.file}:${p.document}`)).size;
  const counts = { skipped: parsed.skipped.length, invalid };

  if (problems.length > 0 && !request.skipInvalid) {
    const warnings = parsed.warnings.map(formatProblem);
    if (request.importId) {
      await repo.finishImport(db, request.importId, {
        status: 'rejected',
        summary: { ...empty, ...counts },
        problems,
        warnings: [...warnings, ...skipped],
      });
    }
    return {
      id: request.importId ?? null,
      status: 'rejected',
      source: request.source,
      summary: { ...empty, ...counts },
      problems,
      warnings,
      skipped,
    };
  }

  return db.transaction().execute(async (tx) => {
    const warnings = [...parsed.warnings, ...(await checkReferences(tx, parsed.entities))].map(formatProblem);
    // An invalid document's entity is absent from the set, but not gone from its source: orphan nothing.
    const orphanMissing = problems.length === 0;
    if (!orphanMissing) warnings.push('some documents were invalid, so no entity was marked orphaned in this import');
    const id =
      request.importId ??
      (
        await repo.insertImport(tx, {
          kind: 'backstage',
          source: request.source,
          status: 'running',
          skipInvalid: request.skipInvalid,
          requestedBy: request.actor,
        })
      ).id;
    const summary = await applyEntities(tx, parsed.entities, {
      source: request.source,
      orphanMissing,
      importId: id,
      actor: request.actor,
    });
    const full = { ...summary, ...counts };
    await repo.finishImport(tx, id, {
      status: 'succeeded',
      summary: full,
      problems,
      warnings: [...warnings, ...skipped],
    });
    return { id, status: 'succeeded' as const, source: request.source, summary: full, problems, warnings, skipped };
  });
}
