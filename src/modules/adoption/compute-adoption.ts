import { combine, DAY_MS, inUseAt, type UseInterval } from './intervals.js';
import { median } from '../../shared/median.js';
import { periods, type Interval } from './periods.js';

export interface MandateInput {
  scope: 'all' | 'teams';
  teamRefs: string[];
  effectiveFrom: Date;
}

/** Everything known about one team's use of one capability. */
export interface TeamSignals {
  teamRef: string;
  /** Each service's combined use (repository, events), by service ref. */
  services: Map<string, UseInterval[]>;
  /** Signals that name the team, not a service: team-level events and declarations. */
  teamLevel: UseInterval[];
  /** Someone of the team viewed the capability or its release notes. */
  aware: boolean;
}

export interface AdoptionInput {
  gaDate: Date | null;
  /** Eligible teams (DOMAIN.md): customer teams owning a service of the capability's audience. */
  eligibleTeams: string[];
  signals: TeamSignals[];
  mandates: MandateInput[];
  from: Date;
  to: Date;
  interval: Interval;
}

export interface TeamAdoption {
  teamRef: string;
  adoptedAt: Date;
  churnedAt: Date | null;
  kind: 'voluntary' | 'mandated';
  status: 'active' | 'churned';
  services: number;
}

export interface AdoptionResult {
  summary: {
    eligibleTeams: number;
    adoptingTeams: number;
    voluntaryTeams: number;
    mandatedTeams: number;
    adoptionRate: number | null;
    voluntaryShare: number | null;
    medianDaysToAdopt: number | null;
    churnedTeams: number;
  };
  series: {
    periodStart: string;
    adoptingTeams: number;
    voluntaryTeams: number;
    mandatedTeams: number;
    eligibleTeams: number;
  }[];
  funnel: { eligible: number; aware: number; tried: number; active: number; retained: number };
  teams: TeamAdoption[];
}

/** A mandate covering the team was in effect on the day it adopted. */
export function isMandated(teamRef: string, adoptedAt: Date, mandates: MandateInput[]): boolean {
  return mandates.some((m) => m.effectiveFrom <= adoptedAt && (m.scope === 'all' || m.teamRefs.includes(teamRef)));
}

function daysToAdopt(gaDate: Date, adoptedAt: Date): number {
  const day = (d: Date) => Math.floor(d.getTime() / DAY_MS);
  return Math.max(0, day(adoptedAt) - day(gaDate));
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

/**
 * The adoption numbers of one capability, exactly as DOMAIN.md defines them, as of `to`.
 * A team adopts at its earliest signal and has churned when all its signals have ended.
 */
export function computeAdoption(input: AdoptionInput): AdoptionResult {
  const eligible = new Set(input.eligibleTeams);
  const asOf = input.to;
  const teams: TeamAdoption[] = [];
  for (const s of input.signals) {
    if (!eligible.has(s.teamRef)) continue;
    const serviceUses = [...s.services.values()]
      .map(combine)
      .filter((u): u is UseInterval => u !== null && u.start < asOf);
    const use = combine([...serviceUses, ...s.teamLevel.filter((u) => u.start < asOf)]);
    if (!use) continue;
    const churnedAt = use.end !== null && use.end <= asOf ? use.end : null;
    teams.push({
      teamRef: s.teamRef,
      adoptedAt: use.start,
      churnedAt,
      kind: isMandated(s.teamRef, use.start, input.mandates) ? 'mandated' : 'voluntary',
      status: churnedAt ? 'churned' : 'active',
      services: serviceUses.length,
    });
  }
  teams.sort((a, b) => a.adoptedAt.getTime() - b.adoptedAt.getTime() || a.teamRef.localeCompare(b.teamRef));

  const adopting = teams.filter((t) => t.status === 'active');
  const voluntary = adopting.filter((t) => t.kind === 'voluntary').length;
  const gaDate = input.gaDate;

  const series = periods(input.from, input.to, input.interval).map((p) => {
    const at = teams.filter((t) => inUseAt({ start: t.adoptedAt, end: t.churnedAt }, p.end));
    const v = at.filter((t) => t.kind === 'voluntary').length;
    return {
      periodStart: p.start.toISOString(),
      adoptingTeams: at.length,
      voluntaryTeams: v,
      mandatedTeams: at.length - v,
      eligibleTeams: eligible.size,
    };
  });

  const awareTeams = new Set([
    ...input.signals.filter((s) => s.aware && eligible.has(s.teamRef)).map((s) => s.teamRef),
    ...teams.map((t) => t.teamRef),
  ]);
  const retained = teams.filter((t) => {
    const mark = new Date(t.adoptedAt.getTime() + 90 * DAY_MS);
    return mark <= asOf && (t.churnedAt === null || t.churnedAt > mark);
  }).length;

  return {
    summary: {
      eligibleTeams: eligible.size,
      adoptingTeams: adopting.length,
      voluntaryTeams: voluntary,
      mandatedTeams: adopting.length - voluntary,
      adoptionRate: ratio(adopting.length, eligible.size),
      voluntaryShare: ratio(voluntary, adopting.length),
      medianDaysToAdopt: gaDate ? median(adopting.map((t) => daysToAdopt(gaDate, t.adoptedAt))) : null,
      churnedTeams: teams.length - adopting.length,
    },
    series,
    funnel: { eligible: eligible.size, aware: awareTeams.size, tried: teams.length, active: adopting.length, retained },
    teams,
  };
}
