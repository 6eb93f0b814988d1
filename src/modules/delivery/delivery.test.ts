import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { componentDoc, documents, groupDoc } from '../../../test/descriptors.js';
import { runImport } from '../imports/run-import.js';

let t: TestApp;
const sha = (n: number) => String(n).repeat(8);
const z = (local: string) => `${local}:00Z`;

// The scenario of service api in lists.test.ts: every fact behind the numbers below is worked out there, deployment
// by deployment and incident by incident.
const changes = [
  ['2025-02-20T00:00', 0],
  ['2025-03-01T00:00', 1],
  ['2025-03-01T06:00', 2],
  ['2025-03-02T00:00', 3],
  ['2025-03-03T00:00', 4],
  ['2025-03-05T00:00', 5],
].map(([at, n]) => ({ service: 'api', commit: sha(n as number), timestamp: z(at as string) }));
const deployments = [
  ['d0', 0, '2025-02-20T12:00'],
  ['d1', 2, '2025-03-01T12:00'],
  ['d2', 3, '2025-03-02T12:00'],
  ['d2b', 3, '2025-03-02T15:30'],
  ['d3', 4, '2025-03-04T00:00'],
  ['d4', 5, '2025-03-06T00:00'],
].map(([id, n, at]) => ({ id: id as string, service: 'api', commit: sha(n as number), finishedAt: z(at as string) }));
const incidents = [
  ['i1', '2025-03-02T14:00', '2025-03-02T16:00'],
  ['i2', '2025-03-02T15:00', '2025-03-02T20:00'],
  ['i3', '2025-03-04T01:00', '2025-03-04T02:00'],
  ['i4', '2025-03-05T10:00', '2025-03-05T13:00'],
  ['i5', '2025-03-14T00:00', null],
  ['i6', '2025-03-08T00:00', null],
].map(([id, trig, res]) => ({
  id: id as string,
  service: 'api',
  triggeredAt: z(trig as string),
  ...(res ? { resolvedAt: z(res) } : {}),
}));

beforeAll(async () => {
  t = await createTestApp();
  const catalog = documents(
    groupDoc('core'),
    componentDoc('api', 'core', { annotations: { 'github.com/project-slug': 'acme/api' } }),
    componentDoc('web', 'core'),
  );
  await runImport(t.database.db, {
    files: [{ path: 'c.yaml', content: catalog }],
    source: 't',
    skipInvalid: false,
    actor: 't',
  });
});
afterAll(() => t.close());

const period = 'from=2025-03-01T00:00:00Z&to=2025-03-11T00:00:00Z';

describe('generic delivery API and GET /api/v1/dora', () => {
  it('stores facts idempotently and computes the metrics DOMAIN.md defines', async () => {
    expect((await t.call('POST', '/api/v1/changes', { body: changes })).body).toEqual({
      created: 6,
      updated: 0,
      unchanged: 0,
      rejected: [],
    });
    // A staging deployment is stored but is not a production deployment.
    const staging = {
      id: 'st1',
      service: 'api',
      environment: 'staging',
      commit: sha(5),
      finishedAt: z('2025-03-05T01:00'),
    };
    expect((await t.call('POST', '/api/v1/deployments', { body: [...deployments, staging] })).body).toEqual({
      created: 7,
      updated: 0,
      unchanged: 0,
      rejected: [],
    });
    expect((await t.call('POST', '/api/v1/incidents', { body: incidents })).body).toEqual({
      created: 6,
      updated: 0,
      unchanged: 0,
      rejected: [],
    });

    const res = await t.call('GET', `/api/v1/dora?scope=service:api&${period}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      scope: 'service:api',
      from: '2025-03-01T00:00:00.000Z',
      to: '2025-03-11T00:00:00.000Z',
      deployments: 5,
      deploymentFrequency: { perDay: 0.5, perWeek: 3.5 },
      changeLeadTime: { medianHours: 12, n: 5 },
      changeFailRate: { value: 0.6, failed: 3, total: 5 },
      failedDeploymentRecoveryTime: { medianHours: 21, n: 2 },
      reworkRate: { value: 0.2, rework: 1, total: 5 },
      incidentRecoveryTime: { medianHours: 2.5, n: 4, unresolved: 1 },
      levels: { deploymentFrequency: 'high', changeLeadTime: 'elite', changeFailRate: 'low', recoveryTime: 'high' },
    });
    // The team and the org see the same facts here (web has none).
    expect((await t.call('GET', `/api/v1/dora?scope=team:core&${period}`)).body.changeFailRate).toEqual({
      value: 0.6,
      failed: 3,
      total: 5,
    });
    expect((await t.call('GET', `/api/v1/dora?${period}`)).body.deployments).toBe(5);
    expect((await t.call('GET', `/api/v1/dora?scope=service:web&${period}`)).body).toMatchObject({
      deployments: 0,
      changeFailRate: { value: null },
    });
  });

  it('counts a resent batch once, and updates an incident when it is resolved', async () => {
    expect((await t.call('POST', '/api/v1/deployments', { body: deployments })).body).toEqual({
      created: 0,
      updated: 0,
      unchanged: 6,
      rejected: [],
    });
    expect((await t.call('POST', '/api/v1/changes', { body: changes })).body).toEqual({
      created: 0,
      updated: 0,
      unchanged: 6,
      rejected: [],
    });
    const resolved = {
      id: 'i6',
      service: 'api',
      triggeredAt: z('2025-03-08T00:00'),
      resolvedAt: z('2025-03-08T04:00'),
    };
    expect((await t.call('POST', '/api/v1/incidents', { body: [resolved] })).body).toEqual({
      created: 0,
      updated: 1,
      unchanged: 0,
      rejected: [],
    });
    // i6 resolved after 4 h: MTTR over 1, 2, 3, 4, 5 → 3 h; d4 now recovers in 4 h → FDRT median of 4, 6, 36 = 6 h.
    const res = await t.call('GET', `/api/v1/dora?scope=service:api&${period}`);
    expect(res.body.incidentRecoveryTime).toEqual({ medianHours: 3, n: 5, unresolved: 0 });
    expect(res.body.failedDeploymentRecoveryTime).toEqual({ medianHours: 6, n: 3 });
    const count = await t.database.db
      .selectFrom('deployments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(7);
  });

  it('rejects bad items by index and stores the rest; refuses times without a zone', async () => {
    const res = await t.call('POST', '/api/v1/deployments', {
      body: [
        { id: 'ok', service: 'api', finishedAt: '2025-04-01T00:00:00Z' },
        { id: 'nozone', service: 'api', finishedAt: '2025-04-01T00:00:00' },
        { id: 'ghost', service: 'ghost', finishedAt: '2025-04-01T00:00:00Z' },
        { id: 'x', service: 'api', finishedAt: '2025-04-01T00:00:00Z', colour: 'red' },
      ],
    });
    expect(res.body).toEqual({
      created: 1,
      updated: 0,
      unchanged: 0,
      rejected: [
        { index: 1, error: 'finishedAt: must be an ISO 8601 time with a zone, like 2025-03-01T12:00:00Z' },
        { index: 2, error: 'service: no service "component:default/ghost" in the catalog' },
        { index: 3, error: 'colour: unknown field' },
      ],
    });
    expect((await t.call('GET', '/api/v1/dora?scope=nonsense')).body.error.details[0].field).toBe('scope');
    expect((await t.call('POST', '/api/v1/incidents', { role: 'viewer', body: incidents })).status).toBe(403);
  });
});
