import type { Db } from '../../../db/schema/index.js';
import { notesShare, notesViews, releaseCounts, voteToRelease } from './compute-summary.js';
import type { ShippingSummary } from './contract.js';
import { closedRequestsIn, releasesIn } from './repo.js';

const DAY_MS = 86_400_000;

/** The shipping figures of [from, to): by default the 90 days before `to` (default now). */
export async function shippingSummary(
  db: Db,
  query: { from?: Date | undefined; to?: Date | undefined },
  now = new Date(),
): Promise<ShippingSummary> {
  const to = query.to ?? now;
  const from = query.from ?? new Date(to.getTime() - 90 * DAY_MS);
  const [releases, closed] = await Promise.all([releasesIn(db, from, to), closedRequestsIn(db, from, to)]);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    releases: releaseCounts(releases),
    notes: notesShare(releases),
    views: notesViews(releases),
    voteToRelease: voteToRelease(closed),
  };
}
