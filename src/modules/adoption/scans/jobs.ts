import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema/index.js';
import type { JobDefinition } from '../../../jobs/registry.js';
import * as repo from './repo.js';
import { runScan } from './service.js';

export const RUN_SCAN = 'scans.run';

export function runScanJob(db: Kysely<Database>): JobDefinition {
  return {
    type: RUN_SCAN,
    maxAttempts: 1,
    async handle(payload) {
      const { scanId, root, history, actor } = payload as { scanId: number; root: string; history: boolean; actor: string | null };
      await repo.setScanStatus(db, scanId, 'running');
      try {
        const { summary } = await runScan(db, { root, history, actor, scanId });
        return summary;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await repo.finishScan(db, scanId, { status: 'failed', summary: null, problems: [message] });
        return { failed: message };
      }
    },
  };
}
