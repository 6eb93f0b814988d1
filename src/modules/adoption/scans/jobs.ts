import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../../db/schema/index.js';
import { defineJob, jobKind } from '../../../jobs/define-job.js';
import * as repo from './repo.js';
import { runScan } from './service.js';

export const RUN_SCAN = jobKind(
  'scans.run',
  z.object({
    scanId: z.number().int(),
    root: z.string(),
    /** The real path of PAVED_SCAN_ROOT: repositories whose real path leads outside it are skipped. */
    within: z.string().optional(),
    history: z.boolean(),
    actor: z.string().nullable(),
  }),
);

export function runScanJob(db: Kysely<Database>) {
  return defineJob(RUN_SCAN, {
    maxAttempts: 1,
    async handle({ scanId, root, within, history, actor }) {
      await repo.setScanStatus(db, scanId, 'running');
      try {
        const { summary } = await runScan(db, { root, within, history, actor, scanId });
        return summary;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await repo.finishScan(db, scanId, { status: 'failed', summary: null, problems: [message] });
        return { failed: message };
      }
    },
  });
}
