import { median } from '../../shared/median.js';

/** A successful production deployment of a service; its time is when it finished. */
export interface DeploymentFact {
  id: string;
  service: string;
  finishedAt: Date;
  /** The commit deployed, when known. */
  commit: string | null;
}

/** A commit on a repository's default branch, in branch order (`position` grows along the branch). */
export interface ChangeFact {
  service: string;
  commit: string;
  committedAt: Date;
  position: number;
}

export interface IncidentFact {
  id: string;
  service: string;
  triggeredAt: Date;
  resolvedAt: Date | null;
}

export type Level = 'elite' | 'high' | 'medium' | 'low';

export interface DoraResult {
  deployments: number;
  deploymentFrequency: { perDay: number; perWeek: number };
  changeLeadTime: { medianHours: number | null; n: number };
  changeFailRate: { value: number | null; failed: number; total: number };
  failedDeploymentRecoveryTime: { medianHours: number | null; n: number };
  reworkRate: { value: number | null; rework: number; total: number };
  incidentRecoveryTime: { medianHours: number | null; n: number; unresolved: number };
  levels: { deploymentFrequency: Level; changeLeadTime: Level | null; changeFailRate: Level | null; recoveryTime: Level | null };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ATTRIBUTION_WINDOW = 7 * DAY;

const inPeriod = (t: Date, from: Date, to: Date) => t >= from && t < to;
const byTime = (a: DeploymentFact, b: DeploymentFact) => a.finishedAt.getTime() - b.finishedAt.getTime() || a.id.localeCompare(b.id);

/** Each deployment of commit S ships every known commit up to S that no earlier deployment shipped. */
export function shippedCommits(deployments: DeploymentFact[], changes: ChangeFact[]): Map<string, ChangeFact[]> {
  const shipped = new Map<string, ChangeFact[]>();
  const byService = new Map<string, ChangeFact[]>();
  for (const c of changes) byService.set(c.service, [...(byService.get(c.service) ?? []), c]);
  for (const list of byService.values()) list.sort((a, b) => a.position - b.position);
  const shippedUpTo = new Map<string, number>();
  for (const d of [...deployments].sort(byTime)) {
    const list = byService.get(d.service) ?? [];
    const target = list.find((c) => c.commit === d.commit);
    if (!d.commit || !target) {
      shipped.set(d.id, []);
      continue;
    }
    const from = shippedUpTo.get(d.service) ?? -Infinity;
    shipped.set(d.id, list.filter((c) => c.position > from && c.position <= target.position));
    shippedUpTo.set(d.service, Math.max(from, target.position));
  }
  return shipped;
}

/** The latest deployment of the incident's service that finished before it was triggered, at most 7 days before. */
export function attribute(incident: IncidentFact, deployments: DeploymentFact[]): DeploymentFact | null {
  let best: DeploymentFact | null = null;
  for (const d of deployments) {
    if (d.service !== incident.service || d.finishedAt >= incident.triggeredAt) continue;
    if (!best || d.finishedAt > best.finishedAt) best = d;
  }
  return best && incident.triggeredAt.getTime() - best.finishedAt.getTime() <= ATTRIBUTION_WINDOW ? best : null;
}

function levelOf(value: number | null, elite: (v: number) => boolean, high: (v: number) => boolean, medium: (v: number) => boolean): Level | null {
  if (value === null) return null;
  return elite(value) ? 'elite' : high(value) ? 'high' : medium(value) ? 'medium' : 'low';
}

/**
 * The five DORA metrics and incident recovery time for [from, to), exactly as DOMAIN.md defines them.
 * Give every known deployment, change and incident of the scope; the period selects among them.
 */
export function computeDora(facts: { deployments: DeploymentFact[]; changes: ChangeFact[]; incidents: IncidentFact[] }, from: Date, to: Date): DoraResult {
  const inRange = facts.deployments.filter((d) => inPeriod(d.finishedAt, from, to));
  const shipped = shippedCommits(facts.deployments, facts.changes);

  const leadHours = inRange.flatMap((d) =>
    (shipped.get(d.id) ?? []).map((c) => (d.finishedAt.getTime() - c.committedAt.getTime()) / HOUR).filter((h) => h > 0),
  );

  const attributed = new Map<string, IncidentFact[]>();
  for (const incident of facts.incidents) {
    const d = attribute(incident, facts.deployments);
    if (d) attributed.set(d.id, [...(attributed.get(d.id) ?? []), incident]);
  }
  const failed = inRange.filter((d) => (attributed.get(d.id) ?? []).length > 0);
  const recoveryHours = failed.flatMap((d) => {
    const incidents = attributed.get(d.id) ?? [];
    if (incidents.some((i) => i.resolvedAt === null)) return [];
    const start = Math.min(...incidents.map((i) => i.triggeredAt.getTime()));
    const end = Math.max(...incidents.map((i) => (i.resolvedAt as Date).getTime()));
    return [(end - start) / HOUR];
  });

  const rework = inRange.filter((d) =>
    facts.incidents.some((i) => i.service === d.service && i.triggeredAt <= d.finishedAt && (i.resolvedAt === null || d.finishedAt <= i.resolvedAt)),
  ).length;

  const triggered = facts.incidents.filter((i) => inPeriod(i.triggeredAt, from, to));
  const resolved = triggered.filter((i) => i.resolvedAt !== null);
  const mttr = resolved.map((i) => ((i.resolvedAt as Date).getTime() - i.triggeredAt.getTime()) / HOUR);

  const days = (to.getTime() - from.getTime()) / DAY;
  const perDay = days > 0 ? inRange.length / days : 0;
  const total = inRange.length;
  const cfr = total === 0 ? null : failed.length / total;
  const leadMedian = median(leadHours);
  const recoveryMedian = median(recoveryHours);
  return {
    deployments: total,
    deploymentFrequency: { perDay, perWeek: perDay * 7 },
    changeLeadTime: { medianHours: leadMedian, n: leadHours.length },
    changeFailRate: { value: cfr, failed: failed.length, total },
    failedDeploymentRecoveryTime: { medianHours: recoveryMedian, n: recoveryHours.length },
    reworkRate: { value: total === 0 ? null : rework / total, rework, total },
    incidentRecoveryTime: { medianHours: median(mttr), n: mttr.length, unresolved: triggered.length - resolved.length },
    levels: {
      deploymentFrequency: perDay >= 1 ? 'elite' : perDay >= 1 / 7 ? 'high' : perDay >= 1 / 30 ? 'medium' : 'low',
      changeLeadTime: levelOf(leadMedian, (h) => h < 24, (h) => h < 7 * 24, (h) => h < 30 * 24),
      changeFailRate: levelOf(cfr, (v) => v <= 0.05, (v) => v <= 0.1, (v) => v <= 0.15),
      recoveryTime: levelOf(recoveryMedian, (h) => h < 1, (h) => h < 24, (h) => h < 7 * 24),
    },
  };
}
