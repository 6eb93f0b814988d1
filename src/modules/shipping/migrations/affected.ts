import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema/index.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Logger } from '../../../http/logger.js';
import { MIGRATION_TYPES, type ReleaseType } from '../releases/contract.js';
import * as repo from './repo.js';

/** What a release's affected set is computed from; null when it has none (not a deprecation, or no capability). */
export function affectedBasis(r: repo.MigrationReleaseRow): string | null {
  if (r.capability_id === null || !MIGRATION_TYPES.includes(r.type as ReleaseType)) return null;
  return JSON.stringify([r.capability_id, r.type, new Date(r.released_at).toISOString(), r.rules]);
}

/**
 * The follow-up `affected` of a published or changed release. When what the affected set depends on changed
 * (capability, type, date, rules), the set is forgotten and computed again: without rules of its own, at once from
 * the capability's detections at the release date (once that date has come); with its own rules, by the next scans
 * (each repository at its first scan after the release). Safe to run again: an unchanged basis changes nothing.
 */
export async function affectedFollowUp(db: Kysely<Database>, releaseId: number, logger: Logger, now = new Date()) {
  await inTransaction(db, async (tx) => {
    const release = await repo.getMigrationRelease(tx, releaseId);
    if (!release) return;
    const basis = affectedBasis(release);
    if (basis === release.affected_basis) return;
    await repo.resetAffected(tx, releaseId, basis);
    if (basis !== null && release.rules === null && new Date(release.released_at) <= now) {
      await repo.insertAffectedFromDetections(tx, release, now);
      logger.info({ releaseId }, 'deprecation: affected repositories fixed from detections');
    }
  });
}

/** After a scan: releases without rules of their own whose date has come get their set; detections move the rest. */
export async function settleCapabilityMigrations(db: Kysely<Database>, scanId: number | null, now: Date) {
  await inTransaction(db, async (tx) => {
    for (const release of await repo.listCapabilityReleasesToFix(tx, now))
      await repo.insertAffectedFromDetections(tx, release, now);
    await repo.followDetections(tx, scanId);
  });
}
