import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema/index.js';
import type { ScanSchemaRow } from './views.js';
import type { RepositoryResult, ScanSummary } from './contract.js';
import * as repo from './repo.js';
import { scanInputs, scanTree } from './run-scan.js';
import { storeScanResults } from './store-results.js';
import { inTransaction } from '../../../db/transaction.js';
import { asActor, type Actor } from '../../audit/actor.js';
import { countsText, recordAudit } from '../../audit/service.js';

export type { ScanSchemaRow };

/** Stores results produced elsewhere (by `paved scan` next to a running server) as one scan. */
export async function recordScan(
  db: Kysely<Database>,
  input: {
    root: string;
    history: boolean;
    results: RepositoryResult[];
    problems: string[];
    actor: Actor | string;
    scanId?: number;
    /** Rule sets evaluated besides the capabilities (`release:<id>`: an open deprecation's own rules). */
    ruleSets?: string[];
  },
): Promise<{ id: number; summary: ScanSummary; problems: string[] }> {
  const id =
    input.scanId ??
    (
      await repo.insertScan(db, {
        root: input.root,
        history: input.history,
        status: 'running',
        requestedBy: asActor(input.actor).name,
      })
    ).id;
  const summary = await storeScanResults(db, id, input.results, new Date(), input.ruleSets ?? []);
  // The scan's one audit entry is written with its finish: it exists when the scan's results do.
  await inTransaction(db, async (tx) => {
    await repo.finishScan(tx, id, { status: 'succeeded', summary: { ...summary }, problems: input.problems });
    const { unmapped, ...counts } = summary;
    await recordAudit(tx, asActor(input.actor), {
      action: 'scan',
      entity: { kind: 'scan', id, ref: null },
      summary: `Scanned ${input.root}: ${countsText({ ...counts, unmapped: unmapped.length, problems: input.problems.length })}`,
    });
  });
  return { id, summary, problems: input.problems };
}

/** Scans a directory of repositories and stores what it finds. */
export async function runScan(
  db: Kysely<Database>,
  input: { root: string; within?: string | undefined; history: boolean; actor: Actor | string; scanId?: number },
) {
  const { capabilities, previousHeads, ruleSets } = await scanInputs(db);
  const { results, problems } = await scanTree({
    root: input.root,
    within: input.within,
    history: input.history,
    previousHeads,
    capabilities,
  });
  return recordScan(db, { ...input, results, problems, ruleSets });
}
