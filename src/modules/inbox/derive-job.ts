import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema/index.js';
import { defineJob, jobKind } from '../../jobs/define-job.js';
import { defineSweep } from '../../jobs/define-sweep.js';
import { enqueueJob } from '../../jobs/queue.js';
import { deriveDeliveries, deriveStoredDelivery, type DeriveOutcome, type DeriveSettings } from './derive.js';
import * as repo from './repo.js';
import { recordDeliveries } from './record-deliveries.js';

/**
 * Its payload is ignored; any object is accepted, because jobs queued by an earlier version carry one delivery's
 * id (`{ deliveryId }`).
 */
export const DERIVE_DELIVERY = jobKind('webhooks.derive', z.looseObject({}));

/** Deliveries derived together, and how many such batches a job takes before leaving the rest to a next job. */
const BATCH = 200;
const BATCHES_PER_JOB = 10;

/**
 * A batch, or, when it fails as a whole (a bug meeting one payload), each delivery alone: one that fails alone is
 * marked failed with the error, so it cannot hold up the deliveries after it, and `paved reprocess --failed`
 * derives it again once fixed.
 */
async function deriveIsolating(db: Kysely<Database>, ids: number[], settings: DeriveSettings) {
  try {
    return [...(await deriveDeliveries(db, ids, settings)).values()];
  } catch {
    const outcomes: DeriveOutcome[] = [];
    for (const id of ids) {
      try {
        outcomes.push(await deriveStoredDelivery(db, id, settings));
      } catch (error) {
        const reason = `derivation failed: ${error instanceof Error ? error.message : String(error)}`;
        await db.transaction().execute(async (tx) => {
          const stored = await repo.getDeliveries(tx, [id]);
          await repo.markDeliveries(tx, [{ id, status: 'failed', error: reason }]);
          await recordDeliveries(tx, stored, [{ status: 'failed', reason }]);
        });
        outcomes.push({ status: 'failed', reason });
      }
    }
    return outcomes;
  }
}

/**
 * Derives pending deliveries in the order they arrived, a batch at a time: the deliveries table is the queue, and
 * this job (queued by the webhook writer when none is waiting) wakes the runner. A long backlog continues in a next
 * job, so other jobs get their turn. A job queued by an earlier version names one delivery: it finds that delivery
 * pending with the others, or already derived.
 */
export function deriveDeliveryJob(db: Kysely<Database>, settings: DeriveSettings = {}) {
  return defineJob(DERIVE_DELIVERY, {
    async handle() {
      const counts: Record<string, number> = {};
      const tally = (outcomes: DeriveOutcome[]) => {
        for (const o of outcomes) {
          const key = 'status' in o ? o.status : 'missing';
          counts[key] = (counts[key] ?? 0) + 1;
        }
      };
      for (let batch = 0; batch < BATCHES_PER_JOB; batch++) {
        const ids = await repo.pendingDeliveryIds(db, BATCH);
        if (ids.length === 0) return counts;
        tally(await deriveIsolating(db, ids, settings));
      }
      await enqueueJob(db, DERIVE_DELIVERY, {});
      return counts;
    },
  });
}

/** How often the runner looks for pending deliveries that no job will derive. */
export const DERIVE_SWEEP_EVERY_MS = 30_000;

/**
 * Finds deliveries left pending with no derivation job queued or running (the job failed for good, or was lost
 * with its process) and queues one, so they are derived without waiting for another delivery to arrive.
 */
export function deriveSweep(everyMs = DERIVE_SWEEP_EVERY_MS) {
  return defineSweep({
    name: 'webhooks.pending',
    everyMs,
    run: ({ db }) => repo.queueJobForPendingDeliveries(db, DERIVE_DELIVERY.name),
  });
}
