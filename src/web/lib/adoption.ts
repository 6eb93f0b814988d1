import type { CapabilityAdoption, Mandate } from '../api/types.js';
import { plural } from './format.js';

/** One colour per way of adopting, shared by the curve, the heatmap, the funnel and the badges. */
export const ADOPTION_COLORS = {
  voluntary: '#16a34a',
  mandated: '#6366f1',
  churned: '#d97706',
  eligible: '#64748b',
} as const;

export const RANGES = [6, 12, 24] as const;
export type RangeMonths = (typeof RANGES)[number];

/** The first day (YYYY-MM-DD, UTC) of the window holding the last `months` months, this one included. */
export function rangeStart(months: number, now = new Date()): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1), 1)).toISOString().slice(0, 10);
}

/** The headline numbers in one sentence a VP can read aloud, e.g. "9 of 12 eligible teams use it; 7 chose it freely". */
export function adoptionReading(summary: CapabilityAdoption['summary']): string {
  const {
    eligibleTeams: eligible,
    adoptingTeams: adopting,
    voluntaryTeams: voluntary,
    mandatedTeams: mandated,
    churnedTeams: churned,
  } = summary;
  if (eligible === 0)
    return 'No customer team is eligible for it yet: eligible teams own at least one service of its audience.';
  const stopped = churned > 0 ? ` ${plural(churned, 'team')} stopped using it.` : '';
  if (adopting === 0) return `None of the ${plural(eligible, 'eligible team')} uses it yet.${stopped}`;
  const how =
    mandated === 0
      ? voluntary === 1
        ? 'it chose it freely'
        : `all ${voluntary} chose it freely`
      : voluntary === 0
        ? `all under a mandate`
        : `${voluntary} chose it freely, ${mandated} under a mandate`;
  return `${adopting} of ${plural(eligible, 'eligible team')} ${adopting === 1 ? 'uses' : 'use'} it; ${how}.${stopped}`;
}

/** `abc1234…` from a full commit id. */
export function shortSha(commit: string): string {
  return commit.slice(0, 7);
}

/** A mandate covering the team is in effect now (DOMAIN.md: scope all customer teams, or a list naming it). */
export function mandatedNow(
  teamRef: string,
  mandates: Pick<Mandate, 'scope' | 'effectiveFrom'>[],
  now = new Date(),
): boolean {
  return mandates.some(
    (m) => new Date(m.effectiveFrom) <= now && (m.scope === 'all' || m.scope.teams.includes(teamRef)),
  );
}
