import type { Db } from '../../../db/schema/index.js';

/**
 * The release's capability, its row locked until the transaction ends: two openings of the same release at once
 * record one view, not two.
 */
export async function lockReleaseForView(db: Db, releaseId: number): Promise<{ capabilityId: number | null } | null> {
  const row = await db
    .selectFrom('releases')
    .select('capability_id')
    .where('id', '=', releaseId)
    .forUpdate()
    .executeTakeFirst();
  return row ? { capabilityId: row.capability_id } : null;
}

/** Whether `subject` viewed the release's notes at or after `since`. */
export async function viewedSince(db: Db, releaseId: number, subject: string, since: Date): Promise<boolean> {
  const row = await db
    .selectFrom('capability_views')
    .select('id')
    .where('release_id', '=', releaseId)
    .where('kind', '=', 'release-notes')
    .where('subject', '=', subject)
    .where('viewed_at', '>=', since)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
