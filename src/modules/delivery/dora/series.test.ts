import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { componentDoc, documents, groupDoc } from '../../../../test/descriptors.js';
import { runImport } from '../../imports/run-import.js';
import { periodStart, periodStarts } from './series.js';

const d = (iso: string) => new Date(iso);
const isoList = (dates: Date[]) => dates.map((x) => x.toISOString());

describe('calendar periods (UTC)', () => {
  it('starts weeks on Monday 00:00 and months on the 1st', () => {
    // 2025-03-05 is a Wednesday; 2025-03-09 a Sunday; 2025-03-10 a Monday.
    expect(periodStart(d('2025-03-05T15:00:00Z'), 'week').toISOString()).toBe('2025-03-03T00:00:00.000Z');
    expect(periodStart(d('2025-03-09T23:59:59Z'), 'week').toISOString()).toBe('2025-03-03T00:00:00.000Z');
    expect(periodStart(d('2025-03-10T00:00:00Z'), 'week').toISOString()).toBe('2025-03-10T00:00:00.000Z');
    expect(periodStart(d('2025-03-31T23:00:00Z'), 'month').toISOString()).toBe('2025-03-01T00:00:00.000Z');
  });

  it('gives 12 periods by default, the last one holding the last instant before `to`', () => {
    expect(isoList(periodStarts('month', d('2025-03-12T12:00:00Z'))).slice(0, 2)).toEqual([
      '2024-04-01T00:00:00.000Z',
      '2024-05-01T00:00:00.000Z',
    ]);
    const onBoundary = periodStarts('month', d('2025-04-01T00:00:00Z'));
    expect([onBoundary.length, onBoundary[0]?.toISOString(), onBoundary[11]?.toISOString()]).toEqual([
      12,
      '2024-04-01T00:00:00.000Z',
      '2025-03-01T00:00:00.000Z',
    ]);
    // Weeks across a year end: Monday 2024-12-30 holds 2025-01-01.
    expect(isoList(periodStarts('week', d('2025-01-08T00:00:00Z'), d('2025-01-01T00:00:00Z')))).toEqual([
      '2024-12-30T00:00:00.000Z',
      '2025-01-06T00:00:00.000Z',
    ]);
  });

  it('refuses more than 120 points, naming from', () => {
    expect(periodStarts('month', d('2025-01-01T00:00:00Z'), d('2015-01-01T00:00:00Z'))).toHaveLength(120);
    expect(() => periodStarts('month', d('2025-01-01T00:00:01Z'), d('2015-01-01T00:00:00Z'))).toThrow(
      'from: the range holds 121 months; at most 120 per request: shorten it',
    );
  });
});

let t: TestApp;
const z = (local: string) => `${local}:00Z`;
const sha = (n: number) => String(n).repeat(8);

beforeAll(async () => {
  t = await createTestApp();
  await runImport(t.database.db, {
    files: [{ path: 'c.yaml', content: documents(groupDoc('core'), componentDoc('api', 'core')) }],
    source: 't',
    skipInvalid: false,
    actor: 't',
  });
  const changes = [
    [1, '2025-02-24T10:00'],
    [2, '2025-02-25T00:00'],
    [3, '2025-03-04T00:00'],
    [4, '2025-03-10T12:00'],
  ].map(([n, at]) => ({ service: 'api', commit: sha(n as number), timestamp: z(at as string) }));
  const deployments = [
    ['p0', 1, '2025-02-24T12:00'], // ships c1: 2 h
    ['p1', 2, '2025-02-25T12:00'], // ships c2: 12 h
    ['p2', 3, '2025-03-04T06:00'], // ships c3: 6 h
    ['p3', 4, '2025-03-11T00:00'], // ships c4: 12 h
  ].map(([id, n, at]) => ({ id: id as string, service: 'api', commit: sha(n as number), finishedAt: z(at as string) }));
  const incidents = [
    { id: 'n1', service: 'api', triggeredAt: z('2025-02-25T13:00'), resolvedAt: z('2025-02-25T15:00') }, // → p1; 2 h
    { id: 'n2', service: 'api', triggeredAt: z('2025-03-11T01:00') }, // → p3, open
  ];
  for (const [path, body] of [
    ['/api/v1/changes', changes],
    ['/api/v1/deployments', deployments],
    ['/api/v1/incidents', incidents],
  ] as const) {
    expect((await t.call('POST', path, { body })).body.rejected).toEqual([]);
  }
});
afterAll(() => t.close());

describe('GET /api/v1/dora/series', () => {
  const path = '/api/v1/dora/series?scope=service:api&interval=week&from=2025-02-26T10:00:00Z&to=2025-03-12T12:00:00Z';

  it('gives one point per calendar week, from rounded down to its Monday, the last one partial', async () => {
    const res = await t.call('GET', path);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      scope: 'service:api',
      interval: 'week',
      from: '2025-02-24T00:00:00.000Z',
      to: '2025-03-12T12:00:00.000Z',
    });
    const [first, second, last] = res.body.points;
    expect(res.body.points).toHaveLength(3);
    // Week of 02-24 (7 days): p0 and p1 (p0 counts although it is before the asked `from`); lead 2 h and 12 h → 7 h;
    // p1 failed (n1) and recovered in 2 h.
    expect(first).toEqual({
      start: '2025-02-24T00:00:00.000Z',
      end: '2025-03-03T00:00:00.000Z',
      deployments: 2,
      deploymentFrequency: { perDay: 2 / 7, perWeek: 2 },
      changeLeadTime: { medianHours: 7, n: 2 },
      changeFailRate: { value: 0.5, failed: 1, total: 2 },
      failedDeploymentRecoveryTime: { medianHours: 2, n: 1 },
      reworkRate: { value: 0, rework: 0, total: 2 },
      incidentRecoveryTime: { medianHours: 2, n: 1, unresolved: 0 },
      levels: { deploymentFrequency: 'high', changeLeadTime: 'elite', changeFailRate: 'low', recoveryTime: 'high' },
    });
    // Week of 03-03: p2 alone, lead 6 h, nothing failed, no incident.
    expect(second).toMatchObject({
      start: '2025-03-03T00:00:00.000Z',
      deployments: 1,
      changeLeadTime: { medianHours: 6, n: 1 },
      changeFailRate: { value: 0 },
      incidentRecoveryTime: { medianHours: null, n: 0 },
    });
    // 03-10 to 03-12 12:00 is 2.5 days: p3 → 1 / 2.5 = 0.4 a day. n2 is open: p3 failed, no recovery time yet.
    expect(last).toMatchObject({
      start: '2025-03-10T00:00:00.000Z',
      end: '2025-03-12T12:00:00.000Z',
      deploymentFrequency: { perDay: 0.4 },
      changeFailRate: { value: 1, failed: 1, total: 1 },
      failedDeploymentRecoveryTime: { medianHours: null, n: 0 },
      incidentRecoveryTime: { n: 0, unresolved: 1 },
    });
  });

  it('gives for each point exactly what GET /dora gives for its period', async () => {
    for (const interval of ['week', 'month']) {
      const series = (
        await t.call(
          'GET',
          `/api/v1/dora/series?scope=team:core&interval=${interval}&from=2025-02-01T00:00:00Z&to=2025-03-12T12:00:00Z`,
        )
      ).body;
      for (const { start, end, ...point } of series.points) {
        const single = (await t.call('GET', `/api/v1/dora?scope=team:core&from=${start}&to=${end}`)).body;
        expect({ ...single, scope: undefined, from: undefined, to: undefined }).toEqual({
          ...point,
          scope: undefined,
          from: undefined,
          to: undefined,
        });
      }
    }
  });

  it('defaults to 12 months up to now', async () => {
    const res = await t.call('GET', '/api/v1/dora/series?scope=service:api');
    expect(res.body.interval).toBe('month');
    expect(res.body.points).toHaveLength(12);
    expect(res.body.points[11].end).toBe(res.body.to);
  });

  it('refuses an unknown interval, a range of more than 120 points, and from after to, naming the field', async () => {
    expect((await t.call('GET', '/api/v1/dora/series?interval=day')).body.error.details[0].field).toBe('interval');
    expect(
      (await t.call('GET', '/api/v1/dora/series?interval=week&from=2020-01-01T00:00:00Z&to=2025-01-01T00:00:00Z')).body,
    ).toEqual({
      error: {
        code: 'VALIDATION_FAILED',
        message: 'from: the range holds 262 weeks; at most 120 per request: shorten it, or ask for interval=month',
        details: [
          {
            field: 'from',
            reason: 'the range holds 262 weeks; at most 120 per request: shorten it, or ask for interval=month',
          },
        ],
      },
    });
    expect(
      (await t.call('GET', '/api/v1/dora/series?from=2025-03-01T00:00:00Z&to=2025-02-01T00:00:00Z')).body.error.details,
    ).toEqual([{ field: 'from', reason: 'must be before to' }]);
  });

  it('counts the 90 days before `to` when no `from` is given, as the web app does', async () => {
    // 2025-05-20 − 90 days = 2025-02-19: p0 to p3 (2025-02-24 to 2025-03-11) all finish inside; 30 days would hold none.
    const res = await t.call('GET', '/api/v1/dora?scope=service:api&to=2025-05-20T00:00:00Z');
    expect(res.body).toMatchObject({
      from: '2025-02-19T00:00:00.000Z',
      to: '2025-05-20T00:00:00.000Z',
      deployments: 4,
    });
    expect(res.body.deploymentFrequency.perDay).toBeCloseTo(4 / 90, 10);
  });
});
