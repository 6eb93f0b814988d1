import type { Db } from '../../db/schema/index.js';
import { DAY_MS } from './intervals.js';
import type { AdoptionChanges } from './contract.js';
import * as repo from './repo.js';
import { capabilityAdoption } from './service.js';

/** Stalling: on offer, no team gained in the period, used by fewer than half its eligible teams. */
/** Lifecycles a customer team is invited to adopt; deprecated and retired ones are expected to shrink. */
const OFFERED = new Set(['experimental', 'beta', 'ga']);
const SERIES_MONTHS = 12;

/**
 * What changed in adoption over [to − days, to): each capability's adopting teams at both ends (DOMAIN.md's
 * adoption rate numerator, eligible teams as the catalog has them now), its monthly curve over the last 12 months,
 * the fastest-growing and the stalling ones.
 */
export async function adoptionChanges(db: Db, days: number, to = new Date()): Promise<AdoptionChanges> {
  const from = new Date(to.getTime() - days * DAY_MS);
  const seriesFrom = new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth() - (SERIES_MONTHS - 1), 1));
  const capabilities = [];
  for (const c of await repo.listActiveCapabilities(db)) {
    const now = await capabilityAdoption(db, c, { from: seriesFrom, to, interval: 'month' }, to);
    const before = await capabilityAdoption(db, c, { from: seriesFrom, to: from, interval: 'month' }, from);
    capabilities.push({
      name: c.name,
      title: c.title,
      lifecycle: c.lifecycle,
      eligibleTeams: now.summary.eligibleTeams,
      adoptingNow: now.summary.adoptingTeams,
      adoptingBefore: before.summary.adoptingTeams,
      change: now.summary.adoptingTeams - before.summary.adoptingTeams,
      series: now.series.map((p) => ({ periodStart: p.periodStart, adoptingTeams: p.adoptingTeams })),
    });
  }
  const fastestGrowing = capabilities
    .filter((c) => c.change > 0)
    .sort((a, b) => b.change - a.change || a.name.localeCompare(b.name))
    .slice(0, 3)
    .map((c) => c.name);
  const stalling = capabilities
    .filter(
      (c) => OFFERED.has(c.lifecycle ?? '') && c.change <= 0 && c.eligibleTeams > 0 && c.adoptingNow < c.eligibleTeams,
    )
    .map((c) => c.name);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    days,
    adoptingNow: capabilities.reduce((s, c) => s + c.adoptingNow, 0),
    adoptingBefore: capabilities.reduce((s, c) => s + c.adoptingBefore, 0),
    capabilities,
    fastestGrowing,
    stalling,
  };
}
