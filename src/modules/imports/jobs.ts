import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema/index.js';
import { defineJob, jobKind } from '../../jobs/define-job.js';
import { fetchBackstageEntities } from '../../connectors/backstage/fetch-entities.js';
import type { OutboundPolicy } from '../../connectors/safe-fetch.js';
import * as repo from './repo.js';
import { enqueueJob } from '../../jobs/queue.js';
import { inTransaction } from '../../db/transaction.js';
import { actor as makeActor, type Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/service.js';
import { runImport } from './run-import.js';

export const BACKSTAGE_URL_IMPORT = jobKind(
  'imports.backstage-url',
  z.object({
    importId: z.number().int(),
    url: z.string(),
    needsToken: z.boolean(),
    skipInvalid: z.boolean(),
    // Who asked: a name in jobs queued by earlier versions.
    actor: z
      .union([
        z.string(),
        z.object({ name: z.string(), person: z.string().nullable(), tokenId: z.number().nullable() }),
      ])
      .nullable(),
  }),
);

/**
 * Tokens for outside systems are secrets: they stay in this process's memory, never in the job table.
 * After a restart a queued import that needed one fails and says so.
 */
export const pendingTokens = new Map<number, string>();

/** Records the import as queued and queues its job, in one transaction; the run is recorded when the job ends. */
export async function queueUrlImport(
  db: Kysely<Database>,
  upload: { url: string; token: string | null; skipInvalid: boolean },
  who: Actor,
): Promise<number> {
  return inTransaction(db, async (tx) => {
    const source = `backstage:${upload.url}`;
    const { id } = await repo.insertImport(tx, {
      kind: 'backstage',
      source,
      status: 'queued',
      skipInvalid: upload.skipInvalid,
      requestedBy: who.name,
    });
    if (upload.token) pendingTokens.set(id, upload.token);
    await enqueueJob(tx, BACKSTAGE_URL_IMPORT, {
      importId: id,
      url: upload.url,
      needsToken: upload.token !== null,
      skipInvalid: upload.skipInvalid,
      actor: { name: who.name, person: who.person, tokenId: who.tokenId },
    });
    await recordAudit(tx, who, {
      action: 'queue',
      entity: { kind: 'import', id, ref: null },
      summary: `Queued import ${id} from ${source}`,
    });
    return id;
  });
}

/** The one who queued a job, acting through it. */
const jobActor = (who: string | { name: string; person: string | null; tokenId: number | null } | null) =>
  typeof who === 'string' || who === null ? makeActor(who ?? 'paved', 'job') : makeActor(who.name, 'job', who);

/** `outbound`: where the job may connect (PAVED_ALLOW_PRIVATE_DESTINATIONS); public addresses only by default. */
export function backstageUrlImportJob(db: Kysely<Database>, outbound: OutboundPolicy = {}) {
  return defineJob(BACKSTAGE_URL_IMPORT, {
    maxAttempts: 3,
    async handle({ importId, url, needsToken, skipInvalid, actor: requester }) {
      const actor = jobActor(requester);
      const fail = (id: number, error: string) =>
        inTransaction(db, async (tx) => {
          await repo.finishImport(tx, id, { status: 'failed', summary: null, problems: [], warnings: [], error });
          await recordAudit(tx, actor, {
            action: 'import',
            entity: { kind: 'import', id, ref: null },
            summary: `Import ${id} from backstage:${url} failed: ${error}`,
          });
        });
      const token = pendingTokens.get(importId) ?? process.env.PAVED_BACKSTAGE_TOKEN ?? null;
      if (needsToken && !pendingTokens.has(importId)) {
        await fail(importId, 'the Backstage token was lost when Paved restarted; start the import again');
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
        await fail(importId, message);
        pendingTokens.delete(importId);
        return { failed: true, error: message };
      }
    },
  });
}
