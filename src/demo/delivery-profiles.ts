/**
 * How each demo team delivers, and the effects planted where a team adopted an observability or a deploy
 * capability. Fixed rules, seeded draws: the seed decides which team is fast, these tables decide how fast.
 */
import { isoDay, parseDay, type Day } from './adoption-dates.js';
import type { DemoTeamAdoption } from './adoption-plan.js';
import type { DemoService, DemoTeam } from './demo-catalog.js';
import type { DeliveryTier, DemoDeliveryProfile, PlantedEffect, PlantedMetric } from './delivery-plan.js';
import { uniform } from '../shared/distributions.js';
import { createRandom } from '../shared/random.js';

type Range = readonly [number, number];

/** Per tier: deployments a working day per service, change fail rate, median recovery hours. */
const TIERS: Record<DeliveryTier, { weight: number; perDay: Range; changeFailRate: Range; recoveryHours: Range }> = {
  elite: { weight: 20, perDay: [0.8, 1.6], changeFailRate: [0.04, 0.1], recoveryHours: [1, 3] },
  high: { weight: 40, perDay: [0.2, 0.5], changeFailRate: [0.08, 0.16], recoveryHours: [2, 8] },
  medium: { weight: 30, perDay: [0.06, 0.2], changeFailRate: [0.12, 0.22], recoveryHours: [6, 20] },
  low: { weight: 10, perDay: [0.02, 0.05], changeFailRate: [0.18, 0.3], recoveryHours: [12, 48] },
};
const TIER_NAMES = Object.keys(TIERS) as DeliveryTier[];

/** Weekend days see this share of a working day's deployments. */
export const WEEKEND_SHARE = 0.05;
const WORKING_WEEK = 5 + 2 * WEEKEND_SHARE;

/**
 * The planted effects, as multipliers drawn per team. Service telemetry (observability): incidents are found
 * and fixed faster. Progressive delivery (deploy): canaries catch bad changes, automated rollouts replace
 * manual approvals, so fewer deployments fail, commits wait less and teams deploy more often. No other
 * capability changes delivery, so the value report has capabilities with no effect to show as well.
 */
const EFFECTS: Record<string, Partial<Record<Param, Range>>> = {
  'service-telemetry': { recoveryHours: [0.4, 0.6] },
  'progressive-delivery': { changeFailRate: [0.4, 0.6], leadTimeHours: [0.5, 0.7], perDay: [1.3, 1.6] },
};

export interface DeliveryParams {
  /** Deployments on a working day, per service before the service's own factor. */
  perDay: number;
  changeFailRate: number;
  leadTimeHours: number;
  recoveryHours: number;
}
type Param = keyof DeliveryParams;

interface Shift {
  capability: string;
  from: Day;
  until: Day | null;
  factors: Partial<Record<Param, number>>;
}

export interface TeamDelivery {
  profile: DemoDeliveryProfile;
  /** The team's parameters on a day, planted effects included. */
  at(day: Day): DeliveryParams;
  effects: PlantedEffect[];
  /** Each deploying service's share of the team's pace (its deployments a working day = factor × perDay). */
  factors: Map<string, number>;
}

/** The metrics each parameter moves, as the effects list names them. */
const PLANTED: Record<Param, { metric: PlantedMetric; unit: PlantedEffect['unit'] }[]> = {
  perDay: [{ metric: 'deploymentFrequency', unit: 'per-week' }],
  changeFailRate: [{ metric: 'changeFailRate', unit: 'ratio' }],
  leadTimeHours: [{ metric: 'changeLeadTime', unit: 'hours' }],
  recoveryHours: [
    { metric: 'incidentRecoveryTime', unit: 'hours' },
    { metric: 'failedDeploymentRecoveryTime', unit: 'hours' },
  ],
};

const round = (n: number, digits: number) => Number(n.toFixed(digits));

/** Deployable services: libraries publish packages, they do not deploy to production. */
export const deploys = (s: DemoService) => s.type !== 'library';

/** A service's share of its team's pace: the namesake service ships most, deprecated ones hardly at all. */
function serviceFactor(seed: number, service: DemoService, core: boolean): number {
  if (core) return 1.5;
  if (service.lifecycle === 'deprecated') return 0.08;
  if (service.lifecycle === 'experimental') return 0.6;
  return uniform(createRandom(seed, `delivery:service:${service.name}`), 0.5, 1.3);
}

export function teamDelivery(
  seed: number,
  team: DemoTeam,
  services: DemoService[],
  adoptions: DemoTeamAdoption[],
): TeamDelivery {
  const rng = createRandom(seed, `delivery:team:${team.name}`);
  const tier = TIER_NAMES[rng.weightedIndex(TIER_NAMES.map((t) => TIERS[t].weight))] ?? 'high';
  const spec = TIERS[tier];
  const perDay = uniform(rng, ...spec.perDay);
  // A commit waits for the next deployment: the lead time follows the team's pace (about a third of the interval).
  const intervalHours = (7 * 24) / (WORKING_WEEK * perDay);
  const base: DeliveryParams = {
    perDay,
    changeFailRate: uniform(rng, ...spec.changeFailRate),
    leadTimeHours: Math.min(240, Math.max(2, 0.3 * intervalHours)) * uniform(rng, 0.8, 1.2),
    recoveryHours: uniform(rng, ...spec.recoveryHours),
  };
  const shifts: Shift[] = adoptions
    .filter((a) => EFFECTS[a.capability])
    .map((a) => ({
      capability: a.capability,
      from: parseDay(a.adoptedOn),
      until: a.churnedOn ? parseDay(a.churnedOn) : null,
      factors: Object.fromEntries(
        Object.entries(EFFECTS[a.capability] ?? {}).map(([param, range]) => [param, uniform(rng, ...range)]),
      ),
    }));
  const byDay = new Map<Day, DeliveryParams>(); // every service of the team asks for every day
  const at = (day: Day): DeliveryParams => {
    let p = byDay.get(day);
    if (p) return p;
    p = { ...base };
    for (const s of shifts) {
      if (day < s.from || (s.until !== null && day >= s.until)) continue;
      for (const [param, factor] of Object.entries(s.factors) as [Param, number][]) p[param] *= factor;
    }
    byDay.set(day, p);
    return p;
  };

  // The namesake service comes first in the catalog; platform teams' few services all ship alike.
  const factors = new Map(
    services
      .filter(deploys)
      .map((s) => [s.name, team.role === 'platform' ? 1 : serviceFactor(seed, s, s === services[0])]),
  );
  const weeklyOn = (day: Day) => {
    const existing = services.filter((s) => factors.has(s.name) && parseDay(s.createdOn) <= day);
    return existing.reduce((sum, s) => sum + (factors.get(s.name) ?? 0), 0) * at(day).perDay * WORKING_WEEK;
  };
  const valueOn = (param: Param, day: Day) => (param === 'perDay' ? weeklyOn(day) : at(day)[param]);
  const effects = shifts.flatMap((s) =>
    (Object.keys(s.factors) as Param[]).flatMap((param) =>
      PLANTED[param].map(({ metric, unit }) => ({
        team: team.name,
        teamRef: team.ref,
        capability: s.capability,
        adoptedOn: isoDay(s.from),
        metric,
        unit,
        before: round(valueOn(param, s.from - 1), unit === 'ratio' ? 4 : 2),
        after: round(valueOn(param, s.from), unit === 'ratio' ? 4 : 2),
      })),
    ),
  );

  return {
    profile: {
      team: team.name,
      teamRef: team.ref,
      tier,
      deploymentsPerWeek: round([...factors.values()].reduce((sum, f) => sum + f, 0) * perDay * WORKING_WEEK, 2),
      changeFailRate: round(base.changeFailRate, 4),
      leadTimeHours: round(base.leadTimeHours, 2),
      recoveryHours: round(base.recoveryHours, 2),
    },
    at,
    effects,
    factors,
  };
}
