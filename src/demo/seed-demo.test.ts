import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { listActiveCapabilities } from '../modules/adoption/repo.js';
import { capabilityAdoption, type CapabilityAdoption } from '../modules/adoption/service.js';
import { overview } from '../modules/catalog/service.js';
import { generateDemoAdoption } from './generate-adoption.js';
import { generateDemoCatalog } from './generate-catalog.js';
import { seedDemo, type SeedDemoResult } from './seed-demo.js';

const TODAY = new Date('2026-11-25T09:30:00Z');
const MIDNIGHT = new Date('2026-11-25T00:00:00Z');
const TABLES = ['repositories', 'detections', 'usage_events', 'declarations', 'mandates', 'capability_views', 'deployments', 'changes', 'incidents'] as const;

let database: TestDatabase;
let first: SeedDemoResult;
const adoption = new Map<string, CapabilityAdoption>();

async function rowCounts() {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(database.db);
    counts[table] = rows[0]?.n ?? -1;
  }
  return counts;
}

beforeAll(async () => {
  database = await createTestDatabase();
  first = await seedDemo(database.db, 42, TODAY);
  for (const row of await listActiveCapabilities(database.db)) {
    adoption.set(row.name, await capabilityAdoption(database.db, row, { to: MIDNIGHT }, MIDNIGHT));
  }
});
afterAll(() => database.close());

const summary = (capability: string) => {
  const a = adoption.get(capability);
  if (!a) throw new Error(`no adoption computed for ${capability}`);
  return a.summary;
};

describe('seedDemo', () => {
  it('loads the generated organisation, and loading it again changes nothing', async () => {
    const demo = generateDemoCatalog(42);
    expect(first.problems).toEqual([]);
    expect(first.warnings).toEqual([]);
    const numbers = await overview(database.db);
    expect(numbers.customerTeams).toBe(demo.teams.filter((t) => t.role === 'customer').length);
    expect(numbers.platformTeams).toBe(5);
    expect(numbers.services).toBe(demo.services.length);
    expect(numbers.capabilities).toBe(12);

    const before = await rowCounts();
    const again = await seedDemo(database.db, 42, new Date('2026-11-25T21:00:00Z'));
    expect(again.summary).toMatchObject({ created: 0, updated: 0, orphaned: 0, unchanged: first.summary.created });
    expect(again.adoption.status).toBe('unchanged');
    expect(again.delivery.status).toBe('unchanged');
    expect(await rowCounts()).toEqual(before);
  });

  it('stores every planned signal', async () => {
    const plan = generateDemoAdoption(generateDemoCatalog(42), 42, TODAY);
    expect(first.adoption.status).toBe('seeded');
    expect(await rowCounts()).toEqual({
      repositories: plan.repositories.length,
      detections: plan.services.filter((s) => s.detection).length,
      usage_events: first.adoption.usageEvents,
      declarations: plan.declarations.length,
      mandates: 2,
      capability_views: plan.views.length,
      deployments: first.delivery.deployments,
      changes: first.delivery.changes,
      incidents: first.delivery.incidents,
    });
    expect(first.adoption.usageEvents).toBeLessThan(60_000);
    expect(first.delivery.status).toBe('seeded');
  });

  it('gives, through Paved’s own adoption numbers, exactly the teams and dates the plan says', () => {
    const plan = generateDemoAdoption(generateDemoCatalog(42), 42, TODAY);
    for (const [capability, result] of adoption) {
      const planned = plan.teams
        .filter((t) => t.capability === capability)
        .map((t) => ({ team: t.teamRef, adoptedOn: t.adoptedOn, kind: t.kind, status: t.churnedOn ? 'churned' : 'active', churnedOn: t.churnedOn }));
      const computed = result.teams.map((t) => ({ team: t.teamRef, adoptedOn: t.adoptedAt.slice(0, 10), kind: t.kind, status: t.status, churnedOn: t.churnedAt?.slice(0, 10) ?? null }));
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

  it('replaces, not duplicates, the history when the demo starts on a later day', async () => {
    const later = await seedDemo(database.db, 42, new Date('2026-12-10T08:00:00Z'));
    expect(later.adoption.status).toBe('seeded');
    const counts = await rowCounts();
    expect(counts).toMatchObject({ repositories: later.adoption.repositories, mandates: 2, declarations: later.adoption.declarations });
    expect(counts.usage_events).toBe(later.adoption.usageEvents);
    expect(counts.capability_views).toBe(later.adoption.views);
    expect(later.delivery.status).toBe('seeded');
    expect(counts).toMatchObject({ deployments: later.delivery.deployments, changes: later.delivery.changes, incidents: later.delivery.incidents });
    const { rows } = await sql<{ last: Date }>`select max(finished_at) as last from deployments`.execute(database.db);
    expect(new Date(rows[0]?.last ?? 0).toISOString() >= '2026-12-09').toBe(true);
  }, 90_000); // replaces some 110,000 delivery facts
});
