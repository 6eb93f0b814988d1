import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { listActiveCapabilities } from '../modules/adoption/repo.js';
import { capabilityAdoption, type CapabilityAdoption } from '../modules/adoption/service.js';
import { overview } from '../modules/overview/service.js';
import type { DemoAdoptionPlan } from './adoption-plan.js';
import type { DemoDeliveryPlan } from './delivery-plan.js';
import { generateDemoAdoption } from './generate-adoption.js';
import { generateDemoCatalog } from './generate-catalog.js';
import { generateDemoDelivery, UNMAPPED_REPOSITORY, type PlantedEffect } from './generate-delivery.js';
import { DEMO_SOURCE, seedDemo, type SeedDemoResult } from './seed-demo.js';
import { randomBytes } from 'node:crypto';
import { inTransaction } from '../db/transaction.js';
import { generateDemoShipping } from './shipping/generate-shipping.js';
import { seedDemoSubscriptions } from './shipping/seed-subscriptions.js';
import { expandUsageEvents } from './usage-events.js';
import { generateDemoVoice } from './voice/generate-voice.js';

// One file for the adoption and the delivery checks: seeding the demo's ~110,000 facts is the slow part, done once here.

const TODAY = new Date('2026-11-25T09:30:00Z');
const MIDNIGHT = new Date('2026-11-25T00:00:00Z');
const LATER = new Date('2026-12-10T08:00:00Z');
const TABLES = [
  'repositories',
  'detections',
  'usage_events',
  'declarations',
  'mandates',
  'capability_views',
  'deployments',
  'changes',
  'incidents',
] as const;
const DAY = 86_400_000;
/** Compare half a year on each side of an adoption, cut to the 24 months. */
const HALF_YEAR = 182 * DAY;

const catalog = generateDemoCatalog(42);
const adoptionPlan = generateDemoAdoption(catalog, 42, TODAY);
const plan = generateDemoDelivery(catalog, adoptionPlan, 42, TODAY);

let t: TestApp;
let first: SeedDemoResult;
const adoption = new Map<string, CapabilityAdoption>();

/** The usage events a plan implies, one per event id: storing one twice stores it once. */
function plannedEvents(p: DemoAdoptionPlan) {
  const events = new Map(p.services.flatMap((s) => expandUsageEvents(p, s)).map((e) => [e.eventId, e]));
  return [...events.values()];
}

/** The rows a plan puts in each table, counted from the plans alone. */
function plannedRows(a: DemoAdoptionPlan, d: DemoDeliveryPlan): Record<(typeof TABLES)[number], number> {
  const sum = (f: (s: DemoDeliveryPlan['streams'][number]) => number) => d.streams.reduce((n, s) => n + f(s), 0);
  return {
    repositories: a.repositories.length,
    detections: a.services.filter((s) => s.detection).length,
    usage_events: plannedEvents(a).length,
    declarations: a.declarations.length,
    mandates: a.mandates.length,
    capability_views: a.views.length,
    deployments: sum((s) => s.deployments.length),
    changes: sum((s) => s.changes.length),
    incidents: sum((s) => s.incidents.length),
  };
}

async function rowCounts() {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(
      t.database.db,
    );
    counts[table] = rows[0]?.n ?? -1;
  }
  return counts;
}

beforeAll(async () => {
  t = await createTestApp();
  first = await seedDemo(t.database.db, 42, TODAY);
  for (const row of await listActiveCapabilities(t.database.db)) {
    adoption.set(row.name, await capabilityAdoption(t.database.db, row, { to: MIDNIGHT }, MIDNIGHT));
  }
}, 180_000); // seeds the whole demo: some 110,000 facts, the voice and the shipping history
afterAll(() => t.close());

const summary = (capability: string) => {
  const a = adoption.get(capability);
  if (!a) throw new Error(`no adoption computed for ${capability}`);
  return a.summary;
};

describe('seedDemo', () => {
  it('loads the generated organisation, and loading it again changes nothing', async () => {
    expect(first.problems).toEqual([]);
    expect(first.warnings).toEqual([]);
    const numbers = await overview(t.database.db);
    expect(numbers.customerTeams).toBe(catalog.teams.filter((team) => team.role === 'customer').length);
    expect(numbers.platformTeams).toBe(5);
    expect(numbers.services).toBe(catalog.services.length);
    expect(numbers.capabilities).toBe(12);
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from entities where source = ${DEMO_SOURCE}`.execute(t.database.db);
    const entities = rows[0]?.n ?? -1;
    expect(first.summary.created).toBe(entities);

    const before = await rowCounts();
    const again = await seedDemo(t.database.db, 42, new Date('2026-11-25T21:00:00Z'));
    expect(again.summary).toMatchObject({ created: 0, updated: 0, orphaned: 0, unchanged: entities });
    expect(again.adoption.status).toBe('unchanged');
    expect(again.delivery.status).toBe('unchanged');
    expect(await rowCounts()).toEqual(before);
  });

  it('stores every planned signal, each usage event for its capability', async () => {
    expect(first.adoption.status).toBe('seeded');
    expect(first.delivery.status).toBe('seeded');
    expect(await rowCounts()).toEqual(plannedRows(adoptionPlan, plan));
    expect(adoptionPlan.mandates).toHaveLength(2);

    const events = plannedEvents(adoptionPlan);
    expect(events.length).toBeLessThan(60_000);
    const perCapability = new Map<string, { events: number; count: number }>();
    for (const e of events) {
      const c = perCapability.get(e.capability) ?? { events: 0, count: 0 };
      perCapability.set(e.capability, { events: c.events + 1, count: c.count + e.count });
    }
    const { rows } = await sql<{ capability: string; events: number; count: number }>`
      select c.name as capability, count(*)::int as events, sum(e.count)::int as count
      from usage_events e join entities c on c.id = e.capability_id group by c.name`.execute(t.database.db);
    expect(new Map(rows.map((r) => [r.capability, { events: r.events, count: r.count }]))).toEqual(perCapability);
  });

  it('gives, through Paved’s own adoption numbers, exactly the teams and dates the plan says', () => {
    for (const [capability, result] of adoption) {
      const planned = adoptionPlan.teams
        .filter((team) => team.capability === capability)
        .map((team) => ({
          team: team.teamRef,
          adoptedOn: team.adoptedOn,
          kind: team.kind,
          status: team.churnedOn ? 'churned' : 'active',
          churnedOn: team.churnedOn,
        }));
      const computed = result.teams.map((team) => ({
        team: team.teamRef,
        adoptedOn: team.adoptedAt.slice(0, 10),
        kind: team.kind,
        status: team.status,
        churnedOn: team.churnedAt?.slice(0, 10) ?? null,
      }));
      const byTeam = (a: { team: string }, b: { team: string }) => a.team.localeCompare(b.team);
      expect(computed.sort(byTeam), capability).toEqual(planned.sort(byTeam));
    }
  });

  it('shows golden CI pulled, progressive delivery pushed and the Jenkins library churning', () => {
    const goldenCi = summary('golden-ci');
    expect(goldenCi.adoptionRate).toBeGreaterThanOrEqual(0.7);
    expect(goldenCi.voluntaryShare).toBe(1);
    expect(summary('service-telemetry').voluntaryShare).toBe(1);

    const progressive = summary('progressive-delivery');
    expect(progressive.mandatedTeams / progressive.adoptingTeams).toBeGreaterThanOrEqual(0.7);
    expect(progressive.voluntaryTeams).toBeGreaterThan(0);

    const secrets = summary('secrets-injection');
    expect(secrets.mandatedTeams).toBeGreaterThanOrEqual(2);
    expect(secrets.voluntaryTeams).toBeGreaterThan(secrets.mandatedTeams);

    const jenkins = summary('jenkins-shared-library');
    expect(jenkins.churnedTeams).toBeGreaterThanOrEqual(3);
    expect(jenkins.adoptingTeams).toBeGreaterThan(0);

    const devEnvironments = adoption.get('dev-environments')?.funnel;
    expect(devEnvironments?.tried).toBe(0);
    expect(devEnvironments?.aware).toBeGreaterThanOrEqual(5);
  });
});

interface Dora {
  deployments: number;
  deploymentFrequency: { perDay: number; perWeek: number };
  changeLeadTime: { medianHours: number | null; n: number };
  changeFailRate: { value: number | null; failed: number; total: number };
  failedDeploymentRecoveryTime: { medianHours: number | null; n: number };
  incidentRecoveryTime: { medianHours: number | null; n: number; unresolved: number };
}

async function dora(scope: string, from: number, to: number): Promise<Dora> {
  const query = new URLSearchParams({ scope, from: new Date(from).toISOString(), to: new Date(to).toISOString() });
  const res = await t.call('GET', `/api/v1/dora?${query.toString()}`, { role: 'viewer' });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Dora;
}

/** GET /api/v1/dora for the team over the half year before and the half year after its adoption day. */
async function beforeAndAfter(team: string, adoptedOn: string) {
  const at = Date.parse(`${adoptedOn}T00:00:00Z`);
  const [start, end] = [Date.parse(`${plan.windowStart}T00:00:00Z`), Date.parse(`${plan.today}T00:00:00Z`)];
  return {
    before: await dora(`team:${team}`, Math.max(start, at - HALF_YEAR), at),
    after: await dora(`team:${team}`, at, Math.min(end, at + HALF_YEAR)),
  };
}

const adopters = (capability: string) => [
  ...new Map(plan.effects.filter((e) => e.capability === capability).map((e) => [e.team, e])).values(),
];
const planted = (e: PlantedEffect, metric: PlantedEffect['metric']) => {
  const found = plan.effects.find((x) => x.team === e.team && x.capability === e.capability && x.metric === metric);
  if (!found) throw new Error(`no ${metric} effect planted for ${e.team}`);
  return Math.sign(found.after - found.before);
};

describe('the demo delivery history', () => {
  it('stores every planned deployment, change and incident, the unmapped ones without a service', async () => {
    const count = (f: (s: (typeof plan.streams)[number]) => number, streams = plan.streams) =>
      streams.reduce((n, s) => n + f(s), 0);
    expect(first.delivery).toEqual({
      status: 'seeded',
      deployments: count((s) => s.deployments.length),
      changes: count((s) => s.changes.length),
      incidents: count((s) => s.incidents.length),
      unresolved: count((s) => s.incidents.filter((i) => i.resolvedAt === null).length),
      effects: plan.effects.length,
    });
    const db = t.database.db;
    const unmapped = await Promise.all(
      (['deployments', 'changes', 'incidents'] as const).map(async (table) =>
        Number(
          (
            await db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('service_id', 'is', null)
              .executeTakeFirstOrThrow()
          ).n,
        ),
      ),
    );
    const [cron, pagerDuty] = plan.streams.filter((s) => s.service === null);
    expect(cron?.repository?.slug).toBe(UNMAPPED_REPOSITORY);
    expect(unmapped).toEqual([cron?.deployments.length, cron?.changes.length, pagerDuty?.incidents.length]);
    const sources = await db.selectFrom('deployments').select('source').distinct().orderBy('source').execute();
    expect(sources.map((r) => r.source)).toEqual(['github', 'gitlab']);

    // The unmapped page lists exactly these two names, with their facts.
    const res = await t.call('GET', '/api/v1/unmapped', { role: 'viewer' });
    expect(res.status).toBe(200);
    const items = (
      res.body as { items: { source: string; name: string; deployments: number; changes: number; incidents: number }[] }
    ).items;
    expect(
      items
        .map(({ source, name, deployments, changes, incidents }) => ({ source, name, deployments, changes, incidents }))
        .sort((a, b) => a.source.localeCompare(b.source)),
    ).toEqual([
      {
        source: 'github',
        name: UNMAPPED_REPOSITORY,
        deployments: cron?.deployments.length,
        changes: cron?.changes.length,
        incidents: 0,
      },
      {
        source: 'pagerduty',
        name: pagerDuty?.pagerDutyServiceId,
        deployments: 0,
        changes: 0,
        incidents: pagerDuty?.incidents.length,
      },
    ]);
  });

  it('gives, through GET /api/v1/dora, exactly one service-quarter of the plan', async () => {
    // The busiest service, first quarter of 2026: its deployments and the incidents triggered then, counted by hand.
    const stream = [...plan.streams].sort((a, b) => b.deployments.length - a.deployments.length)[0];
    if (!stream?.service) throw new Error('no busy service');
    const [from, to] = ['2026-01-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z'];
    const deployments = stream.deployments.filter((d) => d.finishedAt >= from && d.finishedAt < to).length;
    const incidents = stream.incidents.filter((i) => i.triggeredAt >= from && i.triggeredAt < to);
    const resolved = incidents.flatMap((i) =>
      i.resolvedAt ? [(Date.parse(i.resolvedAt) - Date.parse(i.triggeredAt)) / 3_600_000] : [],
    );
    const hours = resolved.sort((a, b) => a - b);
    const mid = hours.length / 2;
    // Median of an even count is the mean of the two middle values (DOMAIN.md).
    const median = hours.length % 2 ? hours[Math.floor(mid)] : ((hours[mid - 1] ?? 0) + (hours[mid] ?? 0)) / 2;

    const result = await dora(`service:${stream.service}`, Date.parse(from), Date.parse(to));
    expect(deployments).toBeGreaterThan(50);
    expect(result.deployments).toBe(deployments);
    // 31 + 28 + 31 = 90 days.
    expect(result.deploymentFrequency.perDay).toBeCloseTo(deployments / 90, 10);
    expect(hours.length).toBeGreaterThan(1);
    expect(result.incidentRecoveryTime.n).toBe(hours.length);
    expect(result.incidentRecoveryTime.unresolved).toBe(incidents.length - hours.length);
    expect(result.incidentRecoveryTime.medianHours).toBeCloseTo(median ?? -1, 6);
  });

  it('shows incidents resolving faster after a team adopted service telemetry, as the planted effects say', async () => {
    const checked: string[] = [];
    for (const e of adopters('service-telemetry')) {
      const { before, after } = await beforeAndAfter(e.team, e.adoptedOn);
      // Only where both half years have enough incidents for a median to mean something.
      if (before.incidentRecoveryTime.n < 20 || after.incidentRecoveryTime.n < 20) continue;
      checked.push(e.team);
      const measured = Math.sign(
        (after.incidentRecoveryTime.medianHours ?? 0) - (before.incidentRecoveryTime.medianHours ?? 0),
      );
      expect(
        measured,
        `${e.team} MTTR ${before.incidentRecoveryTime.medianHours} -> ${after.incidentRecoveryTime.medianHours}`,
      ).toBe(-1);
      expect(planted(e, 'incidentRecoveryTime')).toBe(measured);
      if (before.failedDeploymentRecoveryTime.n >= 20 && after.failedDeploymentRecoveryTime.n >= 20) {
        expect(
          (after.failedDeploymentRecoveryTime.medianHours ?? 0) <
            (before.failedDeploymentRecoveryTime.medianHours ?? 0),
          e.team,
        ).toBe(true);
      }
    }
    expect(checked.length).toBeGreaterThanOrEqual(8);
  });

  it('shows fewer failed deployments, shorter lead times and more deployments after a team adopted progressive delivery', async () => {
    const checked: string[] = [];
    for (const e of adopters('progressive-delivery')) {
      const { before, after } = await beforeAndAfter(e.team, e.adoptedOn);
      if (before.deployments < 100 || after.deployments < 100) continue;
      checked.push(e.team);
      const sign = (a: number | null, b: number | null) => Math.sign((a ?? 0) - (b ?? 0));
      const label = `${e.team} adopted ${e.adoptedOn}`;
      expect(sign(after.changeFailRate.value, before.changeFailRate.value), `${label}: change fail rate`).toBe(-1);
      expect(sign(after.changeLeadTime.medianHours, before.changeLeadTime.medianHours), `${label}: lead time`).toBe(-1);
      expect(sign(after.deploymentFrequency.perDay, before.deploymentFrequency.perDay), `${label}: frequency`).toBe(1);
      expect(planted(e, 'changeFailRate')).toBe(-1);
      expect(planted(e, 'changeLeadTime')).toBe(-1);
      expect(planted(e, 'deploymentFrequency')).toBe(1);
    }
    expect(checked.length).toBeGreaterThanOrEqual(12);
  });
});

// Last: it replaces what the tests above read.
describe('the demo shipping history', () => {
  const shipping = generateDemoShipping(
    catalog,
    adoptionPlan,
    generateDemoVoice(catalog, adoptionPlan, 42, TODAY),
    42,
    TODAY,
  );
  const dayOf = (text: string) => Date.parse(`${text.slice(0, 10)}T00:00:00Z`);

  it('stores every planned release and demo, and shows them through the API', async () => {
    expect(first.shipping).toMatchObject({
      status: 'seeded',
      releases: shipping.releases.length,
      demos: shipping.demos.length,
    });
    const page = await t.call('GET', '/api/v1/capabilities/golden-ci/releases?limit=200');
    expect(page.body.items.length).toBe(shipping.releases.filter((r) => r.capability === 'golden-ci').length);
  });

  it('measures the Jenkins migration from the evidence: affected at the release, migrated when the Jenkinsfile went', async () => {
    const deprecation = shipping.releases.find((r) => r.type === 'deprecation');
    if (!deprecation) throw new Error('the plan has no deprecation');
    const at = dayOf(deprecation.date);
    // DOMAIN.md: affected = services matching at the release date (midnight: a service that adopted that day did
    // not match yet, one that removed it that day still did); migrated = stopped matching since.
    const jenkins = adoptionPlan.services.filter((s) => s.capability === 'jenkins-shared-library' && s.detection);
    const affected = jenkins.filter(
      (s) => dayOf(s.adoptedOn) < at && (s.churnedOn === null || dayOf(s.churnedOn) >= at),
    );
    const migrated = affected.filter((s) => s.churnedOn !== null);
    const late = [...new Set(affected.filter((s) => s.churnedOn === null).map((s) => s.team))].sort();
    const res = await t.call('GET', '/api/v1/deprecations');
    const found = res.body.items.find((d: { capability: string }) => d.capability === 'jenkins-shared-library');
    expect(found).toMatchObject({
      affected: affected.length,
      migrated: migrated.length,
      deadline: deprecation.deadline,
    });
    expect(found.progress).toBeCloseTo(migrated.length / affected.length, 12);
    expect([...found.teamsLate].sort()).toEqual(late);
    // Mid-migration, with a few late teams.
    expect(migrated.length).toBeGreaterThan(0);
    expect(late.length).toBeGreaterThan(0);
  });

  it('gives each closed demo the conversion DOMAIN.md defines, from the plan’s adoption dates', async () => {
    const adopted = new Map(adoptionPlan.teams.map((a) => [`${a.team} ${a.capability}`, dayOf(a.adoptedOn)]));
    const demos = shipping.demos.filter((d) => d.capability === 'golden-ci');
    const res = await t.call('GET', '/api/v1/capabilities/golden-ci/demos');
    expect(res.body.demos).toHaveLength(demos.length);
    for (const demo of demos) {
      const at = dayOf(demo.date);
      const teams = [...new Set(demo.attendance.map((a) => a.team))];
      const converted = teams.filter((team) => (adopted.get(`${team} golden-ci`) ?? Infinity) <= at + 60 * DAY);
      const shown = res.body.demos.find((d: { date: string }) => d.date === demo.date);
      expect(shown.conversion).toMatchObject({ eligible: teams.length, converted: converted.length });
    }
  });
});

describe('the demo subscriptions', () => {
  it('send the last 90 days’ releases each to its channel, the release bot’s first after a retry', async () => {
    const shipping = generateDemoShipping(
      catalog,
      adoptionPlan,
      generateDemoVoice(catalog, adoptionPlan, 42, TODAY),
      42,
      TODAY,
    );
    const written = await inTransaction(t.database.db, (tx) => seedDemoSubscriptions(tx, randomBytes(32), TODAY));
    const recent = shipping.releases.filter((r) => Date.parse(r.date) > TODAY.getTime() - 90 * DAY);
    const forBot = recent.filter((r) => ['breaking', 'deprecation', 'security'].includes(r.type));
    const forPayments = recent.filter((r) => ['golden-ci', 'secrets-injection'].includes(r.capability));
    expect(written).toBe(recent.length + forBot.length + forPayments.length);
    // The plan has some of each, so every filter is exercised.
    expect([recent.length, forBot.length, forPayments.length].every((n) => n > 0)).toBe(true);
    const res = await t.call('GET', '/api/v1/subscriptions');
    const byName = new Map(res.body.items.map((s: { name: string }) => [s.name, s]));
    expect(byName.get('#platform-announcements')).toMatchObject({
      kind: 'slack',
      host: 'hooks.slack.com',
      state: 'active',
      counts: { pending: 0, delivered: recent.length, failed: 0 },
    });
    expect(byName.get('Payments engineering')).toMatchObject({
      kind: 'teams',
      counts: { delivered: forPayments.length },
    });
    const bot = byName.get('Release bot') as { id: number; counts: { delivered: number } };
    expect(bot.counts.delivered).toBe(forBot.length);
    const deliveries = await t.call('GET', `/api/v1/subscriptions/${bot.id}/deliveries?limit=200`);
    const first = deliveries.body.items.at(-1);
    expect(first.attempts.map((a: { statusCode: number }) => a.statusCode)).toEqual([502, 200]);
  });
});

describe('seedDemo on a later day', () => {
  it('replaces, not duplicates, the history when the demo starts on a later day', async () => {
    const laterAdoption = generateDemoAdoption(catalog, 42, LATER);
    const laterDelivery = generateDemoDelivery(catalog, laterAdoption, 42, LATER);
    const later = await seedDemo(t.database.db, 42, LATER);
    expect(later.adoption.status).toBe('seeded');
    expect(later.delivery.status).toBe('seeded');
    const planned = plannedRows(laterAdoption, laterDelivery);
    // The later plan is a different one, so an old row left behind or a new one missing would show.
    expect(planned).not.toEqual(plannedRows(adoptionPlan, plan));
    expect(await rowCounts()).toEqual(planned);
    const { rows } = await sql<{ last: Date }>`select max(finished_at) as last from deployments`.execute(t.database.db);
    expect(new Date(rows[0]?.last ?? 0).toISOString() >= '2026-12-09').toBe(true);
  }, 90_000); // replaces some 110,000 delivery facts
});
