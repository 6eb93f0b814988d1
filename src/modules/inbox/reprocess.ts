import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database, Db } from '../../db/schema/index.js';
import { defineJob, jobKind } from '../../jobs/define-job.js';
import { enqueueJob } from '../../jobs/queue.js';
import { remapFacts, type RemapCounts } from '../delivery/unmapped/repo.js';
import { deriveDeliveries, type DeriveSettings } from './derive.js';
import { REPROCESS_STATUSES, type ReprocessStatus } from './contract.js';
import { countReprocessable, reprocessableIds } from './repo.js';
import { inTransaction } from '../../db/transaction.js';
import type { Actor } from '../audit/actor.js';
import { countsText, recordAudit } from '../audit/service.js';

/** A walk over the deliveries stored up to `upTo` (later ones have jobs of their own), in id order. */
const walkSchema = z.object({ status: z.enum(REPROCESS_STATUSES), upTo: z.number().int(), after: z.number().int() });
type Walk = z.infer<typeof walkSchema>;

export const REPROCESS_DELIVERIES = jobKind('webhooks.reprocess', walkSchema);
/** Deliveries derived per job: a long reprocess is a chain of short jobs, so a shutdown never waits on it. */
const BATCH = 200;

export interface ReprocessCounts {
  deliveries: number;
  processed: number;
  ignored: number;
  failed: number;
}

/** Derives the next batch of the walk again; returns where the walk got to and what each delivery came to. */
async function deriveBatch(db: Kysely<Database>, walk: Walk, settings: DeriveSettings) {
  const ids = await reprocessableIds(db, walk, BATCH);
  const counts: ReprocessCounts = { deliveries: 0, processed: 0, ignored: 0, failed: 0 };
  for (const outcome of (await deriveDeliveries(db, ids, settings)).values()) {
    if ('status' in outcome) {
      counts.deliveries++;
      counts[outcome.status]++;
    }
  }
  return { counts, last: ids.at(-1) ?? walk.upTo, done: ids.length < BATCH };
}

/**
 * Derives every stored delivery of the events Paved reads again (or only the failed ones), in id order, then maps
 * facts again (a change re-derived keeps the service it had, so the remap is what maps it). Safe to run twice:
 * facts are keyed by the senders' ids, so nothing counts twice. Runs in this process (the CLI without a server).
 */
export async function reprocessDeliveries(
  db: Kysely<Database>,
  status: ReprocessStatus,
  settings: DeriveSettings = {},
): Promise<ReprocessCounts & { remapped: RemapCounts }> {
  const total: ReprocessCounts = { deliveries: 0, processed: 0, ignored: 0, failed: 0 };
  let walk: Walk = { status, upTo: (await countReprocessable(db, status)).upTo, after: 0 };
  for (;;) {
    const { counts, last, done } = await deriveBatch(db, walk, settings);
    for (const key of Object.keys(total) as (keyof ReprocessCounts)[]) total[key] += counts[key];
    if (done) break;
    walk = { ...walk, after: last };
  }
  return { ...total, remapped: await remapFacts(db) };
}

const what = (status: ReprocessStatus) => (status === 'failed' ? 'failed deliveries' : 'deliveries');

/** Queues a reprocess of what is stored now; answers how many deliveries it will derive. One entry records the run. */
export async function enqueueReprocess(
  db: Kysely<Database>,
  status: ReprocessStatus,
  who: Actor,
): Promise<{ queued: number }> {
  return inTransaction(db, async (tx) => {
    const { count, upTo } = await countReprocessable(tx, status);
    await enqueueJob(tx, REPROCESS_DELIVERIES, { status, upTo, after: 0 });
    await recordAudit(tx, who, {
      action: 'reprocess',
      entity: { kind: 'deliveries', id: null, ref: null },
      summary: `Queued ${count} ${what(status)} to derive again, then map facts again`,
    });
    return { queued: count };
  });
}

/** The audit entry of a reprocess run here (the CLI without a server), once it has run. */
export async function recordReprocess(
  db: Db,
  who: Actor,
  status: ReprocessStatus,
  result: ReprocessCounts & { remapped: RemapCounts },
): Promise<void> {
  const { remapped, deliveries, ...outcomes } = result;
  await recordAudit(db, who, {
    action: 'reprocess',
    entity: { kind: 'deliveries', id: null, ref: null },
    summary: `Derived ${deliveries} ${what(status)} again: ${countsText(outcomes)}; mapped to a service now: ${countsText({ ...remapped })}`,
  });
}

/** One batch per job; the job queues the next batch, and the last one maps facts again. */
export function reprocessJob(db: Kysely<Database>, settings: DeriveSettings = {}) {
  return defineJob(REPROCESS_DELIVERIES, {
    async handle(walk) {
      const { counts, last, done } = await deriveBatch(db, walk, settings);
      if (!done) {
        await enqueueJob(db, REPROCESS_DELIVERIES, { ...walk, after: last });
        return counts;
      }
      return { ...counts, remapped: await remapFacts(db) };
    },
  });
}
