import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema/index.js';
import { printable } from '../../http/safe-text.js';
import { applyEntities, type ApplySummary } from '../catalog/apply-entities.js';
import { formatProblem, type CatalogFile } from '../catalog/entity.js';
import { parseCatalogFiles } from '../catalog/parse-catalog-files.js';
import { checkReferences } from './check-references.js';
import * as repo from './repo.js';
import { asActor, type Actor } from '../audit/actor.js';
import { countsText, recordAudit } from '../audit/service.js';
import { inTransaction } from '../../db/transaction.js';

export interface ImportRequest {
  files: CatalogFile[];
  /** Entities of this source missing from the files become orphaned. */
  source: string;
  skipInvalid: boolean;
  /** Who imports: credited on the import record and the entities, and recorded in the audit trail. */
  actor: Actor | string;
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
export async function runImport(db: Kysely<Database>, input: ImportRequest): Promise<ImportResult> {
  const request = { ...input, actor: asActor(input.actor) };
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
    // A queued import was asked for: its run is recorded, rejected too. A request answered 422 wrote nothing.
    const importId = request.importId;
    if (importId) {
      await inTransaction(db, async (tx) => {
        await repo.finishImport(tx, importId, {
          status: 'rejected',
          summary: { ...empty, ...counts },
          problems,
          warnings: [...warnings, ...skipped],
        });
        await recordAudit(tx, request.actor, {
          action: 'import',
          entity: { kind: 'import', id: importId, ref: null },
          summary: `Import ${importId} from ${request.source} rejected: ${invalid} invalid documents; nothing changed`,
        });
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
          requestedBy: request.actor.name,
        })
      ).id;
    const summary = await applyEntities(tx, parsed.entities, {
      source: request.source,
      orphanMissing,
      importId: id,
      actor: request.actor.name,
    });
    const full = { ...summary, ...counts };
    await repo.finishImport(tx, id, {
      status: 'succeeded',
      summary: full,
      problems,
      warnings: [...warnings, ...skipped],
    });
    await recordAudit(tx, request.actor, {
      action: 'import',
      entity: { kind: 'import', id, ref: null },
      summary: `Imported from ${request.source}: ${countsText({ created: summary.created, updated: summary.updated, unchanged: summary.unchanged, orphaned: summary.orphaned, restored: summary.restored, skipped: counts.skipped, invalid: counts.invalid })}`,
    });
    return { id, status: 'succeeded' as const, source: request.source, summary: full, problems, warnings, skipped };
  });
}
