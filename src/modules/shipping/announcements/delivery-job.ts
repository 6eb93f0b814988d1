import { z } from 'zod';
import type { Db } from '../../../db/schema/index.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Logger } from '../../../http/logger.js';
import { defineJob, jobKind } from '../../../jobs/define-job.js';
import { defineSweep } from '../../../jobs/define-sweep.js';
import { enqueueJob, enqueueJobs } from '../../../jobs/queue.js';
import { MAX_ATTEMPTS, PAUSE_AFTER_MS, retryDelayMs } from './backoff.js';
import {
  announcementToSend,
  failingSince,
  failUnsent,
  pauseSubscription,
  queueStrandedAnnouncements,
  recordAttempt,
} from './repo.js';
import { sendAnnouncement, type SendSettings } from './send-announcement.js';

// Each attempt of each announcement is a job of its own: a failing destination's next attempt waits in the queue
// (run_at) instead of holding a worker, so other destinations' announcements go out meanwhile.

export const ANNOUNCEMENT_DELIVERY = jobKind(
  'announcement-delivery',
  z.object({ announcementId: z.number().int().positive(), attempt: z.number().int().positive() }),
);

/** Queues attempt `attempt` of an announcement, due at `runAt` (now when absent). */
export const queueAnnouncementAttempt = (tx: Db, announcementId: number, attempt = 1, runAt?: Date) =>
  enqueueJob(tx, ANNOUNCEMENT_DELIVERY, { announcementId, attempt }, runAt ? { runAt } : {});

/** Queues the first attempt of each announcement, in one statement (a release's fan-out). */
export const queueFirstAttempts = (tx: Db, announcementIds: number[]) =>
  enqueueJobs(
    tx,
    ANNOUNCEMENT_DELIVERY,
    announcementIds.map((announcementId) => ({ announcementId, attempt: 1 })),
  );

/** Announcements one runner sends at once: each mostly waits on its destination (up to SEND_TIMEOUT_MS). */
export const DELIVERY_CONCURRENCY = 8;

async function pauseIfFailing(db: Db, subscriptionId: number, exhausted: string | null, logger: Logger) {
  let reason = exhausted;
  if (!reason) {
    const since = await failingSince(db, subscriptionId);
    if (!since || Date.now() - since.getTime() < PAUSE_AFTER_MS) return;
    reason = `nothing delivered since ${since.toISOString()} (failing for more than 2 days)`;
  }
  if (await inTransaction(db, (tx) => pauseSubscription(tx, subscriptionId, reason)))
    logger.warn({ subscription: subscriptionId, reason }, 'announcement subscription paused');
}

export function announcementDeliveryJob(settings: SendSettings) {
  return defineJob(ANNOUNCEMENT_DELIVERY, {
    // The attempt itself is logged and rescheduled by the handler; the queue retries only when recording failed.
    maxAttempts: 3,
    concurrency: DELIVERY_CONCURRENCY,
    async handle({ announcementId, attempt }, { db, logger }) {
      const a = await announcementToSend(db, announcementId);
      if (!a) return { skipped: 'the announcement or its subscription was deleted' };
      if (a.status !== 'pending' || a.attempts !== attempt - 1) return { skipped: `attempt ${attempt} was made` };
      if (a.paused_at) {
        await failUnsent(db, announcementId);
        return { skipped: 'the subscription is paused' };
      }
      const outcome = await sendAnnouncement(a, settings);
      const delivered = outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
      const delay = delivered ? null : retryDelayMs(attempt);
      const nextAt = delay === null ? null : new Date(Date.now() + delay);
      const next = delivered
        ? ({ status: 'delivered' } as const)
        : nextAt
          ? ({ status: 'pending', at: nextAt } as const)
          : ({ status: 'failed' } as const);
      const recorded = await inTransaction(db, async (tx) => {
        if (!(await recordAttempt(tx, announcementId, attempt, outcome, next))) return false;
        if (next.status === 'pending') await queueAnnouncementAttempt(tx, announcementId, attempt + 1, next.at);
        return true;
      });
      if (!recorded) return { skipped: `attempt ${attempt} was recorded by another run` };
      if (!delivered) {
        const exhausted =
          next.status === 'failed'
            ? `the announcement of ${a.capability ?? 'unmapped'} ${a.version} failed all ${MAX_ATTEMPTS} attempts over a day (last: ${outcome.error ?? 'no answer'})`
            : null;
        await pauseIfFailing(db, a.subscription_id, exhausted, logger);
      }
      return { attempt, status: next.status, statusCode: outcome.statusCode, error: outcome.error };
    },
  });
}

/** Every 5 minutes: pending announcements due for 10 minutes with no job to send them get one (nothing is lost). */
export const strandedAnnouncementsSweep = () =>
  defineSweep({
    name: 'announcements.stranded',
    everyMs: 5 * 60_000,
    run: ({ db }) => queueStrandedAnnouncements(db, ANNOUNCEMENT_DELIVERY.name, 10),
  });
