import { addMonths, dayOf, fakeSha, isoDay, parseDay, type Day } from './adoption-dates.js';
import type { DemoAdoptionPlan } from './adoption-plan.js';
import type { DemoCatalog } from './demo-catalog.js';
import type { DemoDeliveryPlan, DemoDeliveryStream, DemoIncident } from './delivery-plan.js';
import { deploys, teamDelivery, type DeliveryParams } from './delivery-profiles.js';
import { generateStream, incidentId } from './delivery-stream.js';
import { createRandom } from '../shared/random.js';

export type * from './delivery-plan.js';

/** About one incident a service a year has nothing to do with a deployment. */
const OTHER_INCIDENTS_PER_DAY = 1 / 365;
/** A repository that deploys to production but that no catalog service names. */
export const UNMAPPED_REPOSITORY = 'acme/legacy-cron-jobs';
const UNMAPPED_PAGERDUTY_TITLE = 'Shared Kafka cluster: consumer lag above threshold';

/**
 * The demo organisation's pushes, production deployments and PagerDuty incidents over the 24 months before
 * `today` (its UTC day), consistent with the adoption plan: from the day a team adopted service telemetry its
 * incidents resolve faster, from the day it adopted progressive delivery it deploys more often, its commits
 * wait less and fewer deployments fail. `effects` lists those planted effects. Same inputs, same plan.
 */
export function generateDemoDelivery(
  catalog: DemoCatalog,
  adoption: DemoAdoptionPlan,
  seed = 42,
  today: Date = new Date(),
): DemoDeliveryPlan {
  const end = dayOf(today);
  const windowStart = addMonths(end, -24);
  const teams = catalog.teams.map((team) => {
    const services = catalog.services.filter((s) => s.owner === team.name);
    return {
      team,
      services,
      delivery: teamDelivery(
        seed,
        team,
        services,
        adoption.teams.filter((a) => a.team === team.name),
      ),
    };
  });

  const streams: DemoDeliveryStream[] = [];
  for (const { services, delivery } of teams) {
    for (const service of services.filter(deploys)) {
      streams.push(
        generateStream({
          seed,
          key: service.name,
          stream: {
            service: service.name,
            team: service.owner,
            repository: { provider: service.repository.provider, slug: service.repository.slug.toLowerCase() },
            pagerDutyServiceId: service.pagerDutyServiceId,
          },
          start: Math.max(windowStart, parseDay(service.createdOn)),
          end,
          at: delivery.at,
          factor: delivery.factors.get(service.name) ?? 0,
          otherIncidentsPerDay: OTHER_INCIDENTS_PER_DAY,
        }),
      );
    }
  }
  streams.push(...unmappedStreams(seed, catalog, windowStart, end));
  stillOpen(seed, streams, end);

  return {
    seed,
    today: isoDay(end),
    windowStart: isoDay(windowStart),
    profiles: teams.filter((t) => t.delivery.factors.size > 0).map((t) => t.delivery.profile),
    streams,
    effects: teams.flatMap((t) => t.delivery.effects),
  };
}

/** A repository and a PagerDuty service that no catalog service annotates: the unmapped page shows them. */
function unmappedStreams(seed: number, catalog: DemoCatalog, start: Day, end: Day): DemoDeliveryStream[] {
  const taken = new Set(catalog.services.map((s) => s.pagerDutyServiceId));
  let pagerDuty = '';
  for (let n = 0; pagerDuty === '' || taken.has(pagerDuty); n++) {
    pagerDuty = `P${BigInt(`0x${fakeSha(seed, 'unmapped-pagerduty', n).slice(0, 12)}`)
      .toString(36)
      .toUpperCase()
      .slice(0, 6)}`;
  }
  const weekly: DeliveryParams = { perDay: 0.2, changeFailRate: 0, leadTimeHours: 48, recoveryHours: 4 };
  const common = { seed, start, end, at: () => weekly, factor: 1 };
  const cron = generateStream({
    ...common,
    key: 'unmapped:repository',
    stream: {
      service: null,
      team: null,
      repository: { provider: 'github', slug: UNMAPPED_REPOSITORY },
      pagerDutyServiceId: null,
    },
    otherIncidentsPerDay: 0,
  });
  const kafka = generateStream({
    ...common,
    key: 'unmapped:pagerduty',
    stream: { service: null, team: null, repository: null, pagerDutyServiceId: pagerDuty },
    otherIncidentsPerDay: 1 / 45,
  });
  kafka.incidents = kafka.incidents.map((i) => ({ ...i, title: UNMAPPED_PAGERDUTY_TITLE, causes: ['capacity'] }));
  return [cron, kafka];
}

/** Two of the busiest on-call services have an incident still open on `today`. */
function stillOpen(seed: number, streams: DemoDeliveryStream[], end: Day) {
  const rng = createRandom(seed, 'delivery:still-open');
  const busiest = streams
    .filter((s) => s.service && s.pagerDutyServiceId)
    .sort((a, b) => b.deployments.length - a.deployments.length || String(a.service).localeCompare(String(b.service)))
    .slice(0, 2);
  for (const stream of busiest) {
    const triggered = new Date((end * 86_400 - rng.int(6 * 3600, 40 * 3600)) * 1000).toISOString();
    const open: DemoIncident = {
      id: incidentId(seed, stream.service ?? '', 'open'),
      pagerDutyServiceId: stream.pagerDutyServiceId ?? '',
      title: `${stream.service}: Upstream provider degraded, waiting on the vendor`,
      severity: 'P2',
      causes: ['third-party'],
      triggeredAt: triggered,
      resolvedAt: null,
    };
    stream.incidents.push(open);
    stream.incidents.sort((a, b) => a.triggeredAt.localeCompare(b.triggeredAt) || a.id.localeCompare(b.id));
  }
}
