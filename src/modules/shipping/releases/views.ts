import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema/index.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Principal } from '../../../http/router.js';
import { notFound } from '../../../http/errors.js';
import { insertView } from '../../adoption/repo.js';
import { lockReleaseForView, viewedSince } from './view-repo.js';

/** Midnight UTC of `now`'s day: a person's views of one release count once per UTC day. */
export const startOfUtcDay = (now: Date) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

export type ViewOutcome = 'recorded' | 'already-today' | 'no-capability';

/**
 * Records that the caller read a release's notes: a capability view of kind 'release-notes' naming the release,
 * which feeds the adoption funnel's "aware" as a capability page view does (declare.ts, adoption routes). Counted
 * once per person per release per UTC day; a release no capability names (an unmapped repository's) feeds no
 * funnel and records nothing. Like a page view, it is not an audited change.
 */
export async function recordReleaseView(
  db: Kysely<Database>,
  principal: Principal,
  releaseId: number,
  now = new Date(),
): Promise<ViewOutcome> {
  return inTransaction(db, async (tx) => {
    const release = await lockReleaseForView(tx, releaseId);
    if (!release) throw notFound(`release ${releaseId}`);
    if (release.capabilityId === null) return 'no-capability';
    if (await viewedSince(tx, releaseId, principal.name, startOfUtcDay(now))) return 'already-today';
    await insertView(tx, {
      capabilityId: release.capabilityId,
      // As the capability page's views: a person in several teams counts for the first.
      teamRef: principal.teams[0] ?? null,
      subject: principal.name,
      kind: 'release-notes',
      releaseId,
    });
    return 'recorded';
  });
}
