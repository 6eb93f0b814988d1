import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../../db/schema/index.js';
import { defineJob, jobKind } from '../../../jobs/define-job.js';
import * as repo from './repo.js';
import { runScan } from './service.js';
import { actor as makeActor } from '../../audit/actor.js';

export const RUN_SCAN = jobKind(
  'scans.run',
  z.object({
    scanId: z.number().int(),
    root: z.string(),
    /** The real path of PAVED_SCAN_ROOT: repositories whose real path leads outside it are skipped. */
    within: z.string().optional(),
    history: z.boolean(),
    // Who asked: a name in jobs queued by earlier versions.
    actor: z
      .union([
        z.string(),
        z.object({ name: z.string(), person: z.string().nullable(), tokenId: z.number().nullable() }),
      ])
      .nullable(),
  }),
);

export function runScanJob(db: Kysely<Database>) {
  return defineJob(RUN_SCAN, {
    maxAttempts: 1,
    async handle({ scanId, root, within, history, actor }) {
      await repo.setScanStatus(db, scanId, 'running');
      try {
        const who =
          typeof actor === 'string' || actor === null
            ? makeActor(actor ?? 'paved', 'job')
            : makeActor(actor.name, 'job', actor);
        const { summary } = await runScan(db, { root, within, history, actor: who, scanId });
        return summary;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await repo.finishScan(db, scanId, { status: 'failed', summary: null, problems: [message] });
        return { failed: message };
      }
    },
  });
}
