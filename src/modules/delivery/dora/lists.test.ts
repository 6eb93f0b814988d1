import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { componentDoc, documents, groupDoc } from '../../../../test/descriptors.js';
import { runImport } from '../../imports/run-import.js';

let t: TestApp;
const z = (local: string) => `${local}:00Z`;
const period = 'from=2025-03-01T00:00:00Z&to=2025-03-11T00:00:00Z';

// api: the scenario of delivery.test.ts. web: a rollback, a commit Paved never saw, a deployment before the period
// that decides what the period's deployments ship, and incidents attributed across both ends of the period.
const changes = [
  ['api', 'a0', '2025-02-20T00:00'],
  ['api', 'a1', '2025-03-01T00:00'],
  ['api', 'a2', '2025-03-01T06:00'],
  ['api', 'a3', '2025-03-02T00:00'],
  ['api', 'a4', '2025-03-03T00:00'],
  ['api', 'a5', '2025-03-05T00:00'],
  ['web', 'b1', '2025-02-25T00:00'],
  ['web', 'b2', '2025-02-26T00:00'],
  ['web', 'b3', '2025-03-02T00:00'],
  ['web', 'b4', '2025-03-03T00:00'],
].map(([service, commit, at]) => ({
  service: service as string,
  commit: sha(commit as string),
  timestamp: z(at as string),
}));
/** A commit id for a name: a0 → 61000000 ('a' in hex, then the digit). */
function sha(name: string) {
  return name === 'unknown' ? 'ffffffff' : `${name.charCodeAt(0).toString(16)}${name.slice(1)}`.padEnd(8, '0');
}
const deployments = [
  ['api', 'd0', 'a0', '2025-02-20T12:00'], // before the period: ships a0
  ['api', 'd1', 'a2', '2025-03-01T12:00'], // ships a1 (12 h) and a2 (6 h): median 9 h
  ['api', 'd2', 'a3', '2025-03-02T12:00'], // ships a3 (12 h)
  ['api', 'd2b', 'a3', '2025-03-02T15:30'], // ships nothing; i1 and i2 are open → rework
  ['api', 'd3', 'a4', '2025-03-04T00:00'], // ships a4 (24 h)
  ['api', 'd4', 'a5', '2025-03-06T00:00'], // ships a5 (24 h)
  ['web', 'e1', 'b2', '2025-02-26T12:00'], // before the period: ships b1 and b2
  ['web', 'e2', 'b1', '2025-03-01T08:00'], // a rollback to b1: e1 already shipped it, so nothing
  ['web', 'e3', 'unknown', '2025-03-02T08:00'], // a commit Paved does not know: ships nothing
  ['web', 'e4', 'b4', '2025-03-04T00:00'], // ships b3 (48 h) and b4 (24 h), not b2 (e1 did): median 36 h
  ['web', 'e5', 'b4', '2025-03-10T22:00'], // ships nothing
].map(([service, id, commit, at]) => ({
  id: id as string,
  service: service as string,
  commit: sha(commit as string),
  finishedAt: z(at as string),
}));
const incidents = [
  ['api', 'i1', '2025-03-02T14:00', '2025-03-02T16:00'], // → d2 (d2b finished after the trigger); 2 h
  ['api', 'i2', '2025-03-02T15:00', '2025-03-02T20:00'], // → d2; 5 h
  ['api', 'i3', '2025-03-04T01:00', '2025-03-04T02:00'], // → d3; 1 h
  ['api', 'i4', '2025-03-05T10:00', '2025-03-05T13:00'], // → d3 (34 h after it); 3 h
  ['api', 'i5', '2025-03-14T00:00', null], // 8 days after d4: attributed to nothing, and after the period
  ['api', 'i6', '2025-03-08T00:00', null], // → d4, still open
  ['web', 'k1', '2025-03-01T02:00', '2025-03-01T05:00'], // → e1, before the period (3.6 days earlier); 3 h
  ['web', 'k2', '2025-03-11T06:00', '2025-03-11T08:00'], // after the period, → e5 (8 h earlier): e5 failed
].map(([service, id, trig, res]) => ({
  id: id as string,
  service: service as string,
  title: `incident ${id}`,
  triggeredAt: z(trig as string),
  ...(res ? { resolvedAt: z(res) } : {}),
}));

const externalIds = (items: { externalId: string }[]) => items.map((i) => i.externalId);

async function allPages(path: string, limit: number) {
  const pages: any[][] = [];
  let cursor: string | null = null;
  do {
    const res = await t.call('GET', `${path}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status).toBe(200);
    pages.push(res.body.items);
    cursor = res.body.nextCursor;
    if (pages.length > 20) throw new Error('the cursor never ends');
  } while (cursor !== null);
  return pages;
}

beforeAll(async () => {
  t = await createTestApp();
  const catalog = documents(groupDoc('core'), componentDoc('api', 'core'), componentDoc('web', 'core'));
  await runImport(t.database.db, {
    files: [{ path: 'c.yaml', content: catalog }],
    source: 't',
    skipInvalid: false,
    actor: 't',
  });
  for (const [path, body] of [
    ['/api/v1/changes', changes],
    ['/api/v1/deployments', deployments],
    ['/api/v1/incidents', incidents],
  ] as const) {
    const res = await t.call('POST', path, { body });
    expect(res.body.rejected).toEqual([]);
  }
});
afterAll(() => t.close());

describe('GET /api/v1/deployments', () => {
  it('lists each production deployment of the period with what it shipped, its incidents and its recovery', async () => {
    const res = await t.call('GET', `/api/v1/deployments?scope=service:api&${period}`);
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    const rows = res.body.items.map((d: any) => [
      d.externalId,
      d.shipped,
      d.leadTimeMedianHours,
      d.failed,
      d.incidents.map((i: any) => i.title),
      d.recoveryHours,
      d.rework,
    ]);
    expect(rows).toEqual([
      ['d4', 1, 24, true, ['incident i6'], null, false], // i6 is open: no recovery time yet
      ['d3', 1, 24, true, ['incident i3', 'incident i4'], 36, false], // 03-04 01:00 → 03-05 13:00
      ['d2b', 0, null, false, [], null, true],
      ['d2', 1, 12, true, ['incident i1', 'incident i2'], 6, false], // 14:00 → 20:00
      ['d1', 2, 9, false, [], null, false], // (12 + 6) / 2
    ]);
    expect(res.body.items[1]).toEqual({
      id: expect.any(String),
      source: 'api',
      externalId: 'd3',
      service: { ref: 'component:default/api', name: 'api' },
      team: { ref: 'group:default/core', name: 'core' },
      repository: 'component:default/api',
      environment: 'production',
      commit: sha('a4'),
      finishedAt: '2025-03-04T00:00:00.000Z',
      shipped: 1,
      leadTimeMedianHours: 24,
      failed: true,
      incidents: [
        {
          id: expect.any(String),
          title: 'incident i3',
          triggeredAt: '2025-03-04T01:00:00.000Z',
          resolvedAt: '2025-03-04T02:00:00.000Z',
        },
        {
          id: expect.any(String),
          title: 'incident i4',
          triggeredAt: '2025-03-05T10:00:00.000Z',
          resolvedAt: '2025-03-05T13:00:00.000Z',
        },
      ],
      recoveryHours: 36,
      rework: false,
    });
  });

  it('keeps the rules across the period start: a rollback and an unknown commit ship nothing, an incident after the end still fails its deployment', async () => {
    const res = await t.call('GET', `/api/v1/deployments?scope=service:web&${period}`);
    const rows = res.body.items.map((d: any) => [
      d.externalId,
      d.shipped,
      d.leadTimeMedianHours,
      d.failed,
      d.recoveryHours,
    ]);
    // Newest first. k2 (03-11 06:00–08:00, after the period) → e5: failed, recovered in 2 h.
    expect(rows).toEqual([
      ['e5', 0, null, true, 2],
      ['e4', 2, 36, false, null],
      ['e3', 0, null, false, null],
      ['e2', 0, null, false, null],
    ]);
  });

  it('has exactly the rows behind each number of GET /dora', async () => {
    // Team core: api's 5 and web's 4 deployments. Failed: d2, d3, d4, e5. Rework: d2b. Lead times 6, 12, 12, 24,
    // 24 (api) and 48, 24 (web) → median of 7 is the 4th: 24 h. Recovery 6, 36, 2 → 6 h.
    // Incidents triggered in the period: i1 2 h, i2 5 h, i3 1 h, i4 3 h, k1 3 h resolved → median 3 h; i6 open.
    const dora = (await t.call('GET', `/api/v1/dora?scope=team:core&${period}`)).body;
    expect(dora).toMatchObject({
      deployments: 9,
      changeLeadTime: { medianHours: 24, n: 7 },
      changeFailRate: { failed: 4, total: 9 },
      failedDeploymentRecoveryTime: { medianHours: 6, n: 3 },
      reworkRate: { rework: 1, total: 9 },
      incidentRecoveryTime: { medianHours: 3, n: 5, unresolved: 1 },
    });
    const base = `/api/v1/deployments?scope=team:core&${period}`;
    const all = (await t.call('GET', `${base}&limit=500`)).body.items;
    expect(all).toHaveLength(dora.deployments);
    expect(all.reduce((sum: number, d: any) => sum + d.shipped, 0)).toBe(dora.changeLeadTime.n); // no lead time here is <= 0
    expect(externalIds((await t.call('GET', `${base}&failed=true`)).body.items)).toEqual(['e5', 'd4', 'd3', 'd2']);
    expect((await t.call('GET', `${base}&failed=false`)).body.items).toHaveLength(
      dora.deployments - dora.changeFailRate.failed,
    );
    expect(externalIds((await t.call('GET', `${base}&rework=true`)).body.items)).toEqual(['d2b']);
    expect(all.filter((d: any) => d.recoveryHours !== null)).toHaveLength(dora.failedDeploymentRecoveryTime.n);

    const incidentsBase = `/api/v1/incidents?scope=team:core&${period}`;
    expect((await t.call('GET', `${incidentsBase}&status=open`)).body.items).toHaveLength(
      dora.incidentRecoveryTime.unresolved,
    );
    expect((await t.call('GET', `${incidentsBase}&status=resolved`)).body.items).toHaveLength(
      dora.incidentRecoveryTime.n,
    );
  });

  it('pages newest first with a cursor, ties broken by id, and no row twice', async () => {
    const base = `/api/v1/deployments?scope=team:core&${period}`;
    const pages = await allPages(base, 4);
    expect(pages.map((p) => p.length)).toEqual([4, 4, 1]);
    // e4 and d3 finished at the same moment: e4, stored later, has the higher id and comes first.
    expect(pages.flat().map((d) => d.externalId)).toEqual(['e5', 'd4', 'e4', 'd3', 'd2b', 'd2', 'e3', 'd1', 'e2']);
    // A page that ends exactly at the last row has no next cursor.
    const exact = await t.call('GET', `${base}&limit=9`);
    expect(exact.body.nextCursor).toBeNull();
  });

  it('refuses a made-up cursor, a bad flag and a limit out of range, naming the field', async () => {
    const bad = await t.call('GET', `/api/v1/deployments?cursor=bm90LWEtY3Vyc29y`);
    expect(bad).toEqual({
      status: 400,
      body: {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'cursor: not a cursor this API returned',
          details: [{ field: 'cursor', reason: 'not a cursor this API returned' }],
        },
      },
    });
    expect((await t.call('GET', '/api/v1/deployments?failed=yes')).body.error.details).toEqual([
      { field: 'failed', reason: 'must be true or false' },
    ]);
    expect((await t.call('GET', '/api/v1/deployments?limit=501')).body.error.details[0].field).toBe('limit');
    expect((await t.call('GET', '/api/v1/incidents?status=closed')).body.error.details[0].field).toBe('status');
    expect(
      (await t.call('GET', `/api/v1/deployments?from=2025-03-11T00:00:00Z&to=2025-03-01T00:00:00Z`)).body.error.details,
    ).toEqual([{ field: 'from', reason: 'must be before to' }]);
    expect((await t.call('GET', '/api/v1/incidents', { role: null })).status).toBe(401);
  });
});

describe('GET /api/v1/incidents', () => {
  it('lists the incidents triggered in the period with their recovery and the deployment each is attributed to', async () => {
    const res = await t.call('GET', `/api/v1/incidents?scope=team:core&${period}`);
    const deploymentAt = (at: string) =>
      deployments.find((d) => new Date(d.finishedAt).getTime() === new Date(at).getTime())?.id;
    const rows = res.body.items.map((i: any) => [
      i.externalId,
      i.recoveryHours,
      i.deployment && deploymentAt(i.deployment.finishedAt),
    ]);
    // i5 and k2 were triggered after the period; k1 belongs to e1, which finished before it.
    expect(rows).toEqual([
      ['i6', null, 'd4'],
      ['i4', 3, 'd3'],
      ['i3', 1, 'd3'],
      ['i2', 5, 'd2'],
      ['i1', 2, 'd2'],
      ['k1', 3, 'e1'],
    ]);
    expect(res.body.items[5]).toEqual({
      id: expect.any(String),
      source: 'api',
      externalId: 'k1',
      title: 'incident k1',
      severity: null,
      causes: [],
      service: { ref: 'component:default/web', name: 'web' },
      team: { ref: 'group:default/core', name: 'core' },
      triggeredAt: '2025-03-01T02:00:00.000Z',
      triggerTimeKnown: true,
      resolvedAt: '2025-03-01T05:00:00.000Z',
      url: null,
      recoveryHours: 3,
      deployment: { id: expect.any(String), finishedAt: '2025-02-26T12:00:00.000Z', commit: sha('b2') },
    });
    const paged = await allPages(`/api/v1/incidents?scope=team:core&${period}`, 2);
    expect(paged.flat().map((i) => i.externalId)).toEqual(['i6', 'i4', 'i3', 'i2', 'i1', 'k1']);
    // The unattributed i5 is listed with no deployment when its day is in the period.
    const later = await t.call(
      'GET',
      '/api/v1/incidents?scope=service:api&from=2025-03-14T00:00:00Z&to=2025-03-15T00:00:00Z',
    );
    expect(later.body.items.map((i: any) => [i.externalId, i.deployment])).toEqual([['i5', null]]);
  });
});
