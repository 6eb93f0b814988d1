import type { Db } from '../../../db/schema/index.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Logger } from '../../../http/logger.js';
import { teamsInterestedIn } from '../interest.js';
import { queueFirstAttempts } from './delivery-job.js';
import { activeSubscriptions, insertAnnouncements, releaseToAnnounce, type StoredFilter } from './repo.js';

/** Whether a release is one a subscription's filter asks for (every given part must match; none: all). */
export function filterMatches(
  filter: StoredFilter,
  release: { type: string; capabilityRef: string | null },
  interestedTeams: Set<string>,
): boolean {
  if (filter.types && !filter.types.includes(release.type)) return false;
  if (filter.capabilities && (!release.capabilityRef || !filter.capabilities.includes(release.capabilityRef)))
    return false;
  if (filter.team && (!release.capabilityRef || !interestedTeams.has(filter.team))) return false;
  return true;
}

/**
 * The release-published follow-up: one announcement per matching subscription that is not paused, stored before
 * any send, each with its first delivery attempt queued in the same transaction. A rerun (the release was edited)
 * adds nothing for subscriptions already announced to. A subscription gets the releases written after it was made,
 * not an older release that is edited later.
 */
export async function announceRelease(db: Db, releaseId: number, logger: Logger): Promise<void> {
  const release = await releaseToAnnounce(db, releaseId);
  if (!release) return;
  const subscriptions = (await activeSubscriptions(db)).filter(
    (s) => new Date(s.created_at).getTime() <= new Date(release.created_at).getTime(),
  );
  // Whose news the release is, read only when a subscription filters by team.
  const interested =
    release.capability_id !== null && subscriptions.some((s) => (s.filter as StoredFilter).team)
      ? new Set((await teamsInterestedIn(db, release.capability_id)).keys())
      : new Set<string>();
  const matching = subscriptions.filter((s) =>
    filterMatches(s.filter as StoredFilter, { type: release.type, capabilityRef: release.capability_ref }, interested),
  );
  const created = await inTransaction(db, async (tx) => {
    const ids = await insertAnnouncements(
      tx,
      releaseId,
      matching.map((s) => s.id),
    );
    await queueFirstAttempts(tx, ids);
    return ids.length;
  });
  if (created > 0) logger.info({ release: releaseId, announcements: created }, 'release announcements queued');
}
