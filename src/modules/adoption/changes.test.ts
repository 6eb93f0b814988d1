import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { componentDoc, documents, groupDoc } from '../../../test/descriptors.js';
import { runImport } from '../imports/run-import.js';

let t: TestApp;

const capability = (name: string, lifecycle: string) =>
  `apiVersion: paved.dev/v1alpha1\nkind: Capability\nmetadata: { name: ${name} }\nspec: { owner: platform, lifecycle: ${lifecycle} }\n`;

const CATALOG = documents(
  groupDoc('platform'),
  groupDoc('alpha'),
  groupDoc('beta'),
  groupDoc('gamma'),
  componentDoc('alpha-api', 'alpha'),
  componentDoc('beta-api', 'beta'),
  componentDoc('gamma-api', 'gamma'),
  capability('golden-ci', 'ga'),
  capability('tracing', 'ga'),
  capability('old-logs', 'deprecated'),
  capability('lab', 'experimental'),
);

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString();

async function detection(
  service: string,
  cap: string,
  adoptedAt: string,
  unmatchedSince: string | null = null,
  scan: { scannedAt: string | null; error?: string } = { scannedAt: null },
) {
  const db = t.database.db;
  const id = async (name: string) =>
    (await db.selectFrom('entities').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const repo = await db
    .insertInto('repositories')
    .values({
      path: `/repos/${service}/${cap}`,
      name: service,
      remote_url: null,
      service_id: await id(service),
      head: 'a'.repeat(40),
      head_date: adoptedAt,
      last_scan_id: null,
      last_scanned_at: scan.scannedAt,
      last_error: scan.error ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('detections')
    .values({
      repository_id: repo.id,
      capability_id: await id(cap),
      matched: unmatchedSince === null,
      evidence: JSON.stringify([{ ruleIndex: 0, file: `.${cap}.yml`, line: 3, text: `uses: ${cap}` }]),
      commit: 'c'.repeat(40),
      commit_date: adoptedAt,
      adopted_at: adoptedAt,
      adoption_commit: 'c'.repeat(40),
      unmatched_since: unmatchedSince,
    })
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  const result = await runImport(t.database.db, {
    files: [{ path: 'catalog-info.yaml', content: CATALOG }],
    source: 'test',
    skipInvalid: false,
    actor: 'test',
  });
  expect(result.problems).toEqual([]);
  const now = Date.now();
  // Scans: alpha-api's golden-ci repository today, beta-api's 8 days ago (stale), tracing's failed, old-logs never.
  await detection('alpha-api', 'golden-ci', '2025-01-10T00:00:00Z', null, { scannedAt: iso(now - DAY) });
  await detection('beta-api', 'golden-ci', '2025-03-15T00:00:00Z', null, { scannedAt: iso(now - 8 * DAY) });
  await detection('alpha-api', 'tracing', '2024-12-01T00:00:00Z', '2025-03-01T00:00:00Z', {
    scannedAt: iso(now - DAY),
    error: 'git: bad object',
  });
  await detection('gamma-api', 'old-logs', '2024-06-01T00:00:00Z');
});
afterAll(() => t.close());

describe('GET /adoption/changes', () => {
  it('compares each capability’s adopting teams at both ends of the period and names the movers', async () => {
    // 90 days before 2025-04-01 is 2025-01-01 (31 + 28 + 31 days).
    const res = await t.call('GET', '/api/v1/adoption/changes?days=90&to=2025-04-01');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ from: '2025-01-01T00:00:00.000Z', to: '2025-04-01T00:00:00.000Z', days: 90 });
    // golden-ci: none on Jan 1, alpha (Jan 10) and beta (Mar 15) by Apr 1 → +2. tracing: alpha from Dec 1 until
    // Mar 1 → 1 then 0. old-logs: gamma throughout → 1 and 1. lab: nobody. Eligible: alpha, beta, gamma.
    expect(
      res.body.capabilities.map((c: any) => [c.name, c.eligibleTeams, c.adoptingBefore, c.adoptingNow, c.change]),
    ).toEqual([
      ['golden-ci', 3, 0, 2, 2],
      ['lab', 3, 0, 0, 0],
      ['old-logs', 3, 1, 1, 0],
      ['tracing', 3, 1, 0, -1],
    ]);
    expect(res.body.adoptingBefore).toBe(2);
    expect(res.body.adoptingNow).toBe(3);
    expect(res.body.fastestGrowing).toEqual(['golden-ci']);
    // Stalling: offered (not deprecated), gained nobody, used by under half the eligible teams: lab and tracing.
    expect(res.body.stalling).toEqual(['lab', 'tracing']);
    // 12 months from 2024-05 to 2025-04, cut at Apr 1: 11 periods, each counted at its end (Feb 1, Mar 1, Apr 1).
    const golden = res.body.capabilities[0].series;
    expect(golden).toHaveLength(11);
    expect(golden.slice(-4).map((p: any) => [p.periodStart.slice(0, 7), p.adoptingTeams])).toEqual([
      ['2024-12', 0],
      ['2025-01', 1],
      ['2025-02', 1],
      ['2025-03', 2],
    ]);
  });

  it('names the field and the reason when the period is out of range', async () => {
    const res = await t.call('GET', '/api/v1/adoption/changes?days=3');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'days', reason: 'must be at least 7' }],
    });
  });
});

describe('GET /services/{name}/adoption', () => {
  it('lists what the service uses and used, with the evidence', async () => {
    const res = await t.call('GET', '/api/v1/services/alpha-api/adoption');
    expect(res.status).toBe(200);
    expect(res.body.uses.map((u: any) => [u.capability, u.adoptedAt.slice(0, 10), u.status, u.churnedAt])).toEqual([
      ['golden-ci', '2025-01-10', 'active', null],
      ['tracing', '2024-12-01', 'churned', '2025-03-01T00:00:00.000Z'],
    ]);
    expect(res.body.uses[0].evidence).toEqual([
      {
        type: 'detection',
        service: 'alpha-api',
        repository: 'alpha-api',
        file: '.golden-ci.yml',
        line: 3,
        text: 'uses: golden-ci',
        commit: 'c'.repeat(40),
        matched: true,
      },
    ]);
    expect((await t.call('GET', '/api/v1/services/nobody/adoption')).status).toBe(404);
  });
});

describe('what a team could adopt next', () => {
  it('suggests GA capabilities before experimental ones and never deprecated ones', async () => {
    // beta uses golden-ci; of the rest, tracing (ga) comes before lab (experimental); old-logs is deprecated.
    const beta = await t.call('GET', '/api/v1/teams/beta/adoption');
    expect(beta.body.notYet.map((c: any) => [c.capability, c.lifecycle])).toEqual([
      ['tracing', 'ga'],
      ['lab', 'experimental'],
    ]);
  });
});

describe('GET /overview/attention', () => {
  it('counts unmapped facts, failed deliveries and stale or failed scans', async () => {
    const db = t.database.db;
    await db
      .insertInto('deployments')
      .values([
        {
          source: 'github',
          external_id: 'd1',
          repository: 'acme/ghost',
          service_id: null,
          environment: 'production',
          commit_sha: null,
          finished_at: '2025-03-01T00:00:00Z',
          delivery_id: null,
        },
        {
          source: 'github',
          external_id: 'd2',
          repository: 'acme/ghost',
          service_id: null,
          environment: 'production',
          commit_sha: null,
          finished_at: '2025-03-02T00:00:00Z',
          delivery_id: null,
        },
      ])
      .execute();
    await db
      .insertInto('deliveries')
      .values({
        source: 'pagerduty',
        delivery_id: 'e1',
        event: 'incident.triggered',
        headers: '{}',
        body: '{}',
        status: 'failed',
        error: 'bad payload',
        processed_at: null,
        integration_id: null,
      })
      .execute();
    const res = await t.call('GET', '/api/v1/overview/attention');
    expect(res.status).toBe(200);
    // One unmapped name (acme/ghost) with 2 deployments; 4 repositories: beta-api's scanned 8 days ago and
    // old-logs' never scanned are stale; tracing's last scan failed.
    expect(res.body).toEqual({
      unmappedNames: 1,
      unmappedFacts: 2,
      failedDeliveries: 1,
      repositories: 4,
      staleScans: 2,
      failedScans: 1,
    });
  });
});
