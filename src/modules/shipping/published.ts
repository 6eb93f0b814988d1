import { z } from 'zod';
import type { Db } from '../../db/schema/index.js';
import { defineJob, jobKind } from '../../jobs/define-job.js';
import { enqueueJob } from '../../jobs/queue.js';
import { FOLLOW_UPS } from './follow-ups.js';

export type { ReleaseFollowUp } from './follow-up.js';

// What follows a release being published or changed, off the request: each follow-up (notifications, announcements,
// the affected services of a deprecation) must be safe to run again, since the job is retried as a whole.

export const RELEASE_PUBLISHED = jobKind('release-published', z.object({ releaseId: z.number().int().positive() }));

/** Queues the follow-ups of a release; call it in the transaction that writes the release. */
export const queueReleaseFollowUps = (tx: Db, releaseId: number) => enqueueJob(tx, RELEASE_PUBLISHED, { releaseId });

export function releasePublishedJob() {
  return defineJob(RELEASE_PUBLISHED, {
    async handle({ releaseId }, { db, logger }) {
      const exists = await db.selectFrom('releases').select('id').where('id', '=', releaseId).executeTakeFirst();
      if (!exists) return { skipped: 'the release was deleted' };
      for (const followUp of FOLLOW_UPS) await followUp.run(db, releaseId, logger);
      return { ran: FOLLOW_UPS.map((f) => f.name) };
    },
  });
}
