import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema/index.js';
import { defineJob, jobKind } from '../../jobs/define-job.js';
import { fetchBackstageEntities } from '../../connectors/backstage/fetch-entities.js';
import type { OutboundPolicy } from '../../connectors/safe-fetch.js';
import * as repo from './repo.js';
import { runImport } from './run-import.js';

export const BACKSTAGE_URL_IMPORT = jobKind(
  'imports.backstage-url',
  z.object({
    importId: z.number().int(),
    url: z.string(),
    needsToken: z.boolean(),
    skipInvalid: z.boolean(),
    actor: z.string().nullable(),
  }),
);

/**
 * Tokens for outside systems are secrets: they stay in this process's memory, never in the job table.
 * After a restart a queued import that needed one fails and says so.
 */
export const pendingTokens = new Map<number, string>();

/** `outbound`: where the job may connect (PAVED_ALLOW_PRIVATE_DESTINATIONS); public addresses only by default. */
export function backstageUrlImportJob(db: Kysely<Database>, outbound: OutboundPolicy = {}) {
  return defineJob(BACKSTAGE_URL_IMPORT, {
    maxAttempts: 3,
    async handle({ importId, url, needsToken, skipInvalid, actor }) {
      const token = pendingTokens.get(importId) ?? process.env.PAVED_BACKSTAGE_TOKEN ?? null;
      if (needsToken && !pendingTokens.has(importId)) {
        await repo.finishImport(db, importId, {
          status: 'failed',
          summary: null,
          problems: [],
          warnings: [],
          error: 'the Backstage token was lost when Paved restarted; start the import again',
        });
        return { failed: true };
      }
      await repo.setImportStatus(db, importId, 'running');
      try {
        const files = await fetchBackstageEntities(url, token, outbound);
        const result = await runImport(db, { files, source: `backstage:${url}`, skipInvalid, actor, importId });
        pendingTokens.delete(importId);
        return { status: result.status, summary: result.summary };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await repo.finishImport(db, importId, {
          status: 'failed',
          summary: null,
          problems: [],
          warnings: [],
          error: message,
        });
        pendingTokens.delete(importId);
        return { failed: true, error: message };
      }
    },
  });
}
