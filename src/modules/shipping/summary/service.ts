import type { Db } from '../../../db/schema/index.js';
import { pooledConversion } from '../demos/conversion.js';
import { demoViews } from '../demos/demo-view.js';
import { listDemos } from '../demos/repo.js';
import { listDeprecations } from '../migrations/migration-view.js';
import { notesShare, notesViews, releaseCounts, voteToRelease } from './compute-summary.js';
import type { ShippingSummary } from './contract.js';
import { closedRequestsIn, releasesIn } from './repo.js';

const DAY_MS = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The shipping figures of [from, to): by default the 90 days before `to` (default now). */
export async function shippingSummary(
  db: Db,
  query: { from?: Date | undefined; to?: Date | undefined },
  now = new Date(),
): Promise<ShippingSummary> {
  const to = query.to ?? now;
  const from = query.from ?? new Date(to.getTime() - 90 * DAY_MS);
  const [releases, closed, demoRows, deprecations] = await Promise.all([
    releasesIn(db, from, to),
    closedRequestsIn(db, from, to),
    // Demos held on a day in [from, to).
    listDemos(db, { from: isoDay(from), to: isoDay(new Date(to.getTime() - 1)) }),
    // Migrations are measured now, whatever the period: a deprecation is open until its services have moved.
    listDeprecations(db, now),
  ]);
  const demos = await demoViews(db, demoRows, now);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    releases: releaseCounts(releases),
    notes: notesShare(releases),
    views: notesViews(releases),
    voteToRelease: voteToRelease(closed),
    demos: {
      conversion: pooledConversion(demos.map((d) => d.conversion)),
      items: demos.map((d) => ({
        id: d.id,
        capability: d.capability,
        date: d.date,
        converted: d.conversion.converted,
        eligible: d.conversion.eligible,
        provisional: d.conversion.provisional,
      })),
    },
    migrations: { items: deprecations.filter((d) => d.open) },
  };
}
