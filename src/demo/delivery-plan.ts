/**
 * The demo organisation's delivery history as plain data. `generateDemoDelivery(catalog, adoption, seed, today)`
 * builds it; `seedDemoDelivery` writes it into the fact tables. Times are ISO 8601 UTC strings; every fact lies
 * in the 24 months before `today`'s UTC day, and nothing happens on or after that day.
 */

/** A commit on the default branch, as a push would report it; `position` grows along the branch. */
export interface DemoChange {
  sha: string;
  committedAt: string;
  position: number;
}

/** A successful production deployment; it ships every commit of the stream since the previous one. */
export interface DemoDeployment {
  /** `<repository slug>#<n>`: unique. */
  id: string;
  commit: string;
  finishedAt: string;
}

/** A PagerDuty incident. `resolvedAt` is null while it is still open on `today`. */
export interface DemoIncident {
  /** PagerDuty-like incident id (`Q…`). */
  id: string;
  pagerDutyServiceId: string;
  title: string;
  /** PagerDuty priority, `P1` (worst) to `P4`. */
  severity: string;
  /** Cause tags: `deployment` plus a kind for change failures, an outside cause for the others. */
  causes: string[];
  triggeredAt: string;
  resolvedAt: string | null;
}

/**
 * One service's history. The two unmapped streams have `service: null`: a repository and a PagerDuty service
 * that no catalog service annotates, so the unmapped page has something to show.
 */
export interface DemoDeliveryStream {
  service: string | null;
  team: string | null;
  /** The slug as a webhook reports it (lowercase), or null for a PagerDuty-only stream. */
  repository: { provider: 'github' | 'gitlab'; slug: string } | null;
  pagerDutyServiceId: string | null;
  changes: DemoChange[];
  deployments: DemoDeployment[];
  incidents: DemoIncident[];
}

/** How fast a team usually ships: `elite` teams deploy several times a day, `low` ones about monthly. */
export type DeliveryTier = 'elite' | 'high' | 'medium' | 'low';

/** A team's delivery before any planted effect; the generator draws every service's facts around these. */
export interface DemoDeliveryProfile {
  team: string;
  teamRef: string;
  tier: DeliveryTier;
  /** Expected production deployments a week, summed over the team's deploying services. */
  deploymentsPerWeek: number;
  /** Probability that a deployment causes an incident. */
  changeFailRate: number;
  /** Median hours from a commit to its production deployment. */
  leadTimeHours: number;
  /** Median hours from an incident's trigger to its resolution. */
  recoveryHours: number;
}

export type PlantedMetric =
  'deploymentFrequency' | 'changeFailRate' | 'changeLeadTime' | 'failedDeploymentRecoveryTime' | 'incidentRecoveryTime';

/**
 * An effect planted in the data: from `adoptedOn` (the team's adoption day in the adoption plan) on, the
 * generator draws the team's facts from `after` instead of `before`. Units: deployments a week for
 * deploymentFrequency, a probability for changeFailRate, median hours for the others. Measured values scatter
 * around these (small samples, incidents unrelated to deployments, the year-end freeze).
 */
export interface PlantedEffect {
  team: string;
  teamRef: string;
  capability: string;
  adoptedOn: string;
  metric: PlantedMetric;
  unit: 'per-week' | 'ratio' | 'hours';
  before: number;
  after: number;
}

export interface DemoDeliveryPlan {
  seed: number;
  today: string;
  windowStart: string;
  /** One per team that owns a deploying service, in catalog order. */
  profiles: DemoDeliveryProfile[];
  /** Per service in catalog order (libraries have none), then the unmapped streams. */
  streams: DemoDeliveryStream[];
  effects: PlantedEffect[];
}
