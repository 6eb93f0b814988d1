/**
 * One service's 24 months: deployments on working days, the commits each one ships, incidents that follow a
 * failed deployment (and a few that have nothing to do with one). Times are counted in whole seconds.
 */
import { fakeSha, type Day } from './adoption-dates.js';
import type { DemoChange, DemoDeliveryStream, DemoDeployment, DemoIncident } from './delivery-plan.js';
import type { DeliveryParams } from './delivery-profiles.js';
import { WEEKEND_SHARE } from './delivery-profiles.js';
import { logNormal, poisson, uniform } from '../shared/distributions.js';
import { createRandom, type Random } from '../shared/random.js';

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;
/** DOMAIN.md: an incident is attributed to a deployment that finished at most 7 days earlier. */
const ATTRIBUTION = 7 * DAY;
/** Between 22 December and 1 January most teams freeze production. */
const FREEZE_SHARE = 0.2;

const CHANGE_FAILURES = [
  ['Elevated 5xx error rate', 'code-defect'],
  ['Latency SLO burn rate above threshold', 'code-defect'],
  ['Pods crash-looping after rollout', 'config-change'],
  ['Health checks failing', 'config-change'],
  ['Database migration locking writes', 'schema-migration'],
  ['Error rate up after dependency upgrade', 'dependency-upgrade'],
] as const;
const OTHER_FAILURES = [
  ['Upstream provider timeouts', 'third-party'],
  ['Node pool out of capacity', 'capacity'],
  ['TLS certificate expired', 'certificate-expiry'],
  ['DNS resolution failures', 'network'],
  ['Cloud region degraded', 'cloud-provider'],
] as const;
const SEVERITIES = ['P1', 'P2', 'P3', 'P4'] as const;
const SEVERITY_WEIGHTS = [5, 20, 45, 30];

export interface StreamSpec {
  seed: number;
  /** Names the random stream and the ids: the service's name, or a label for an unmapped stream. */
  key: string;
  stream: Omit<DemoDeliveryStream, 'changes' | 'deployments' | 'incidents'>;
  /** Facts lie in [start, end) (days). */
  start: Day;
  end: Day;
  /** The owning team's parameters on a day; `factor` scales its deployments a day for this service. */
  at(day: Day): DeliveryParams;
  factor: number;
  /** Incidents a day that no deployment causes (a PagerDuty service is needed for any incident). */
  otherIncidentsPerDay: number;
}

interface Planned {
  t: number;
  hotfix: boolean;
}

/** A PagerDuty-like incident id (`Q` and 13 capitals or digits), the same for the same inputs. */
export function incidentId(...parts: (string | number)[]): string {
  return `Q${BigInt(`0x${fakeSha(...parts).slice(0, 16)}`)
    .toString(36)
    .toUpperCase()
    .padStart(13, '0')}`;
}

const iso = (t: number) => new Date(t * 1000).toISOString();
const dayOfSecond = (t: number): Day => Math.floor(t / DAY);

function isFrozen(day: Day): boolean {
  const monthDay = new Date(day * DAY * 1000).toISOString().slice(5, 10);
  return monthDay >= '12-22' || monthDay === '01-01';
}

/** Deployment times: a Poisson count per day, during working hours, far fewer at weekends and in the freeze. */
function schedule(rng: Random, spec: StreamSpec): Planned[] {
  const out: Planned[] = [];
  for (let day = spec.start; day < spec.end; day++) {
    const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 is Sunday
    const share = (weekday === 0 || weekday === 6 ? WEEKEND_SHARE : 1) * (isFrozen(day) ? FREEZE_SHARE : 1);
    const n = poisson(rng, spec.at(day).perDay * spec.factor * share);
    for (let i = 0; i < n; i++) out.push({ t: day * DAY + 8 * HOUR + rng.int(0, 10 * HOUR), hotfix: false });
  }
  return out.sort((a, b) => a.t - b.t);
}

function insertSorted(list: Planned[], item: Planned, from: number) {
  let i = from;
  while (i < list.length && (list[i] as Planned).t <= item.t) i++;
  list.splice(i, 0, item);
}

export function generateStream(spec: StreamSpec): DemoDeliveryStream {
  const rng = createRandom(spec.seed, `delivery:${spec.key}`);
  const endT = spec.end * DAY;
  const pagerDuty = spec.stream.pagerDutyServiceId;
  const incidents: DemoIncident[] = [];
  const addIncident = (
    triggered: number,
    durationSeconds: number,
    [title, cause]: readonly [string, string],
    related: boolean,
  ) => {
    if (!pagerDuty) return;
    const resolved = triggered + Math.max(5 * MINUTE, Math.round(durationSeconds));
    incidents.push({
      id: incidentId(spec.seed, spec.key, 'incident', incidents.length),
      pagerDutyServiceId: pagerDuty,
      title: spec.stream.service ? `${spec.stream.service}: ${title}` : title,
      severity: SEVERITIES[rng.weightedIndex(SEVERITY_WEIGHTS)] ?? 'P3',
      causes: related ? ['deployment', cause] : [cause],
      triggeredAt: iso(triggered),
      resolvedAt: resolved < endT ? iso(resolved) : null,
    });
  };
  const duration = (t: number) => logNormal(rng, spec.at(dayOfSecond(t)).recoveryHours * HOUR, 0.8);

  const planned = spec.stream.repository ? schedule(rng, spec) : [];
  for (let i = 0; i < planned.length; i++) {
    const d = planned[i] as Planned;
    if (d.hotfix || !pagerDuty || !rng.chance(spec.at(dayOfSecond(d.t)).changeFailRate)) continue;
    // Triggered before the next deployment, so the failure is attributed to this one.
    const limit = Math.min(planned[i + 1]?.t ?? Number.POSITIVE_INFINITY, d.t + ATTRIBUTION, endT) - MINUTE;
    if (limit <= d.t + 2 * MINUTE) continue;
    const first = d.t + Math.min(limit - d.t, Math.max(MINUTE, Math.round(logNormal(rng, 30 * MINUTE, 1))));
    const length = duration(first);
    addIncident(first, length, rng.pick(CHANGE_FAILURES), true);
    let last = first;
    if (rng.chance(0.1) && first + 5 * MINUTE < limit) {
      last = first + rng.int(5 * MINUTE, Math.min(HOUR, limit - first));
      addIncident(last, duration(last), rng.pick(CHANGE_FAILURES), true);
    }
    // Some teams ship a fix while the incident is open (DOMAIN.md's rework).
    const fix = first + Math.round(length * uniform(rng, 0.3, 0.7));
    if (length >= 30 * MINUTE && fix > last && fix < endT && rng.chance(0.35))
      insertSorted(planned, { t: fix, hotfix: true }, i + 1);
  }
  for (let day = spec.start; day < spec.end; day++) {
    if (rng.chance(spec.otherIncidentsPerDay)) {
      const t = day * DAY + rng.int(0, DAY - 1);
      addIncident(t, duration(t), rng.pick(OTHER_FAILURES), false);
    }
  }
  incidents.sort((a, b) => a.triggeredAt.localeCompare(b.triggeredAt) || a.id.localeCompare(b.id));
  return { ...spec.stream, ...shipments(rng, spec, planned), incidents };
}

/**
 * The commits each deployment ships: committed a lead time before it (log-normal around the team's median),
 * after the commits the previous deployment shipped. A deployment right after another redeploys its commit.
 */
function shipments(
  rng: Random,
  spec: StreamSpec,
  planned: Planned[],
): { changes: DemoChange[]; deployments: DemoDeployment[] } {
  const changes: DemoChange[] = [];
  const deployments: DemoDeployment[] = [];
  const slug = spec.stream.repository?.slug ?? spec.key;
  let head = spec.start * DAY;
  let headSha: string | null = null;
  for (const d of planned) {
    const lo = head + 1;
    const hi = d.t - MINUTE;
    if (hi >= lo) {
      const median = d.hotfix ? 20 * MINUTE : spec.at(dayOfSecond(d.t)).leadTimeHours * HOUR;
      const times = Array.from({ length: d.hotfix ? 1 : 1 + poisson(rng, 0.8) }, () => {
        const t = Math.round(d.t - logNormal(rng, median, 0.8));
        return t >= lo && t <= hi ? t : Math.round(uniform(rng, lo, hi));
      }).sort((a, b) => a - b);
      for (const [i, t] of times.entries()) {
        const at = i > 0 ? Math.max(t, head + 1) : t;
        if (at > hi) break;
        headSha = fakeSha(spec.seed, spec.key, 'commit', changes.length);
        head = at;
        // Milliseconds × 1000, as the push webhook numbers commits, so real pushes interleave.
        changes.push({ sha: headSha, committedAt: iso(at), position: at * 1_000_000 });
      }
    }
    if (headSha === null) continue; // cannot happen: the first deployment is hours after the start
    deployments.push({ id: `${slug}#${deployments.length + 1}`, commit: headSha, finishedAt: iso(d.t) });
  }
  return { changes, deployments };
}
