import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { generateDemoAdoption } from './generate-adoption.js';
import { generateDemoCatalog } from './generate-catalog.js';
import { generateDemoDelivery, UNMAPPED_REPOSITORY, type PlantedEffect } from './generate-delivery.js';
import { seedDemo, type SeedDemoResult } from './seed-demo.js';

const TODAY = new Date('2026-11-25T09:30:00Z');
const catalog = generateDemoCatalog(42);
const plan = generateDemoDelivery(catalog, generateDemoAdoption(catalog, 42, TODAY), 42, TODAY);
const DAY = 86_400_000;
/** Compare half a year on each side of an adoption, cut to the 24 months. */
const HALF_YEAR = 182 * DAY;

let t: TestApp;
let seeded: SeedDemoResult;

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

const adopters = (capability: string) => [...new Map(plan.effects.filter((e) => e.capability === capability).map((e) => [e.team, e])).values()];
const planted = (e: PlantedEffect, metric: PlantedEffect['metric']) => {
  const found = plan.effects.find((x) => x.team === e.team && x.capability === e.capability && x.metric === metric);
  if (!found) throw new Error(`no ${metric} effect planted for ${e.team}`);
  return Math.sign(found.after - found.before);
};

beforeAll(async () => {
  t = await createTestApp();
  seeded = await seedDemo(t.database.db, 42, TODAY);
});
afterAll(() => t.close());

describe('the demo delivery history', () => {
  it('stores every planned deployment, change and incident, the unmapped ones without a service', async () => {
    const count = (f: (s: (typeof plan.streams)[number]) => number, streams = plan.streams) => streams.reduce((n, s) => n + f(s), 0);
    expect(seeded.delivery).toEqual({
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
        Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('service_id', 'is', null).executeTakeFirstOrThrow()).n),
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
    const items = (res.body as { items: { source: string; name: string; deployments: number; changes: number; incidents: number }[] }).items;
    expect(items.map(({ source, name, deployments, changes, incidents }) => ({ source, name, deployments, changes, incidents })).sort((a, b) => a.source.localeCompare(b.source))).toEqual([
      { source: 'github', name: UNMAPPED_REPOSITORY, deployments: cron?.deployments.length, changes: cron?.changes.length, incidents: 0 },
      { source: 'pagerduty', name: pagerDuty?.pagerDutyServiceId, deployments: 0, changes: 0, incidents: pagerDuty?.incidents.length },
    ]);
  });

  it('gives, through GET /api/v1/dora, exactly one service-quarter of the plan', async () => {
    // The busiest service, first quarter of 2026: its deployments and the incidents triggered then, counted by hand.
    const stream = [...plan.streams].sort((a, b) => b.deployments.length - a.deployments.length)[0];
    if (!stream?.service) throw new Error('no busy service');
    const [from, to] = ['2026-01-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z'];
    const deployments = stream.deployments.filter((d) => d.finishedAt >= from && d.finishedAt < to).length;
    const incidents = stream.incidents.filter((i) => i.triggeredAt >= from && i.triggeredAt < to);
    const resolved = incidents.flatMap((i) => (i.resolvedAt ? [(Date.parse(i.resolvedAt) - Date.parse(i.triggeredAt)) / 3_600_000] : []));
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
      const measured = Math.sign((after.incidentRecoveryTime.medianHours ?? 0) - (before.incidentRecoveryTime.medianHours ?? 0));
      expect(measured, `${e.team} MTTR ${before.incidentRecoveryTime.medianHours} -> ${after.incidentRecoveryTime.medianHours}`).toBe(-1);
      expect(planted(e, 'incidentRecoveryTime')).toBe(measured);
      if (before.failedDeploymentRecoveryTime.n >= 20 && after.failedDeploymentRecoveryTime.n >= 20) {
        expect((after.failedDeploymentRecoveryTime.medianHours ?? 0) < (before.failedDeploymentRecoveryTime.medianHours ?? 0), e.team).toBe(true);
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
