import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { addItem, voiceCatalog } from '../../../../test/voice-fixture.js';

// The scenario of the compute tests, through the API: March 2025, asked for after it (known at 1 April).
let t: TestApp;
const PERIOD = 'from=2025-03-01&to=2025-04-01';
const z = (s: string) => `2025-${s}:00Z`;

beforeAll(async () => {
  t = await createTestApp();
  await voiceCatalog(t);
  const sla = {
    severities: { '1': { acknowledgeHours: 4, fixHours: 24 }, '2': { acknowledgeHours: 24, fixHours: 120 } },
  };
  expect((await t.call('PUT', '/api/v1/capabilities/ci/sla', { body: sla })).status).toBe(200);

  const bug = (capability: string, severity: number, reportedAt: string, ack: string | null, fixed: string | null) =>
    addItem(t, 'bug', {
      capability,
      team: 't1',
      title: `bug reported ${reportedAt}`,
      severity,
      reportedAt: z(reportedAt),
      acknowledgedAt: ack && z(ack),
      fixedAt: fixed && z(fixed),
    });
  await bug('ci', 1, '03-02T10:00', '03-02T12:00', '03-03T08:00'); // ack 2 h ✓, fix 22 h ✓
  await bug('ci', 1, '03-05T00:00', '03-05T06:00', '03-05T20:00'); // ack 6 h ✗, fix 20 h ✓
  await bug('ci', 2, '03-10T00:00', '03-10T20:00', '03-14T00:00'); // ack 20 h ✓, fix 96 h ✓
  await bug('ci', 2, '03-20T00:00', '03-22T00:00', null); // ack 48 h ✗, open past its fix deadline (25 Mar)
  await bug('ci', 1, '02-25T00:00', '02-25T01:00', '03-01T00:00'); // reported before March, fixed in it: 96 h
  await bug('ci', 2, '03-31T12:00', null, null); // deadlines after 1 April: undecided
  await bug('db', 3, '03-15T00:00', null, null); // db has no SLA

  const support = (
    team: string,
    platformTeam: string,
    category: string,
    openedAt: string,
    firstResponseAt: string | null,
    resolvedAt: string | null,
  ) =>
    addItem(t, 'support', {
      team,
      platformTeam,
      category,
      title: `help with ${category}`,
      openedAt,
      firstResponseAt,
      resolvedAt,
    });
  await support('t1', 'plat-a', 'access', z('03-03T09:00'), z('03-03T10:00'), z('03-03T15:00')); // 1 h, 6 h
  await support('t2', 'plat-a', 'access', z('03-04T00:00'), z('03-04T04:00'), z('03-05T00:00')); // 4 h, 24 h
  await support('t3', 'plat-a', 'deploy', z('03-10T00:00'), z('03-10T02:00'), z('03-12T00:00')); // 2 h, 48 h
  await support('t1', 'plat-b', 'deploy', z('03-12T00:00'), z('03-12T08:00'), z('03-13T00:00')); // 8 h, 24 h
  await support('t2', 'plat-b', 'access', z('03-20T00:00'), z('03-20T03:00'), null); // 3 h, unresolved
  await support('t3', 'plat-b', 'deploy', z('03-28T00:00'), null, null); // unanswered, unresolved
  await support('t1', 'plat-a', 'access', z('02-20T00:00'), z('02-20T05:00'), z('03-02T00:00')); // before March

  // Deflection: self-access went GA on 1 July 2024 and access requests fell; all of these were resolved.
  const access = (team: string, day: string) =>
    support(team, 'plat-a', 'access', `${day}T00:00:00Z`, null, `${day}T06:00:00Z`);
  for (const day of ['2024-01-05', '2024-02-10', '2024-04-01', '2024-06-30']) await access('t1', day);
  for (const day of ['2024-03-03', '2024-05-05', '2024-06-01']) await access('t2', day);
  for (const day of ['2024-01-01', '2024-02-02', '2024-03-03', '2024-04-04', '2024-05-05']) await access('t3', day);
  await access('t1', '2024-07-01');
  for (const day of ['2024-09-09', '2024-12-31']) await access('t2', day);
  await access('t3', '2023-12-31'); // before the 6 months
  await access('t3', '2025-01-01'); // after the 6 months
  await access('plat-b', '2024-03-01'); // a platform team asking: not a customer team
  expect(
    (await t.call('PUT', '/api/v1/support/categories/access', { body: { capability: 'self-access' } })).status,
  ).toBe(200);

  // Contact: t1, t2, t3 within the 90 days before 1 April; t4 91 days before; t5 never.
  for (const [team, date, platformTeam] of [
    ['t1', '2025-03-15', 'plat-a'],
    ['t2', '2025-01-02', 'plat-b'],
    ['t3', '2025-03-31', 'plat-a'],
    ['t4', '2024-12-31', 'plat-b'],
  ])
    expect(
      (await t.call('POST', '/api/v1/conversations', { body: { team, date, people: ['Ana'], platformTeam } })).status,
    ).toBe(201);
});
afterAll(() => t.close());

describe('GET /voice/summary', () => {
  it('gives every figure of the period as DOMAIN.md defines it, with its n', async () => {
    const res = await t.call('GET', `/api/v1/voice/summary?${PERIOD}`);
    expect(res.status).toBe(200);
    expect(res.body.asOf).toBe('2025-04-01T00:00:00.000Z');
    expect(res.body.bugs).toMatchObject({
      n: 6, // reported in March (the bug of 25 Feb is not)
      withoutSla: 1, // the db bug
      ackWithinSla: 0.5, // 2 in time (2 h, 20 h) / 4 decided (the 31 Mar bug is not yet)
      ackN: 4,
      fixWithinSla: 0.75, // 3 fixed in time (22 h, 20 h, 96 h) / 4 (+ the open one past its deadline)
      fixN: 4,
      medianHoursToFix: 59, // fixed in March: 20 22 96 96 → (22 + 96) / 2
      fixedN: 4,
      pastSla: 1,
    });
    expect(res.body.bugs.byCapability.map((c: { capability: string; n: number }) => [c.capability, c.n])).toEqual([
      ['ci', 5],
      ['db', 1],
    ]);
    expect(res.body.support).toMatchObject({
      n: 6,
      perWeek: 6 / (31 / 7),
      medianHoursToFirstResponse: 3, // 1 2 3 4 8
      unanswered: 1,
      medianHoursToResolve: 24, // 6 24 24 48
      unresolved: 2,
      open: 2, // the queue at 1 April
    });
    expect(
      res.body.support.byPlatformTeam.map((p: { platformTeam: string; n: number; open: number }) => [
        p.platformTeam,
        p.n,
        p.open,
      ]),
    ).toEqual([
      ['plat-a', 3, 0],
      ['plat-b', 3, 2],
    ]);
    // 12 access requests from customer teams in the 6 months before GA, 3 in the 6 after; 5 customer teams.
    expect(res.body.deflection).toEqual([
      {
        category: 'access',
        capability: 'self-access',
        gaDate: '2024-07-01',
        requestsBefore: 12,
        requestsAfter: 3,
        afterMonths: 6,
        teams: 5,
        before: 12 / 30, // 12 / (5 teams × 6 months)
        after: 3 / 30,
        ratio: 0.25,
        byTeam: [
          { team: 't1', before: 4 / 6, after: 1 / 6 },
          { team: 't2', before: 3 / 6, after: 2 / 6 },
          { team: 't3', before: 5 / 6, after: 0 },
        ],
      },
    ]);
    // t1 (15 Mar), t2 (2 Jan, 89 days before), t3 (31 Mar) of 5; t4 (91 days before) is not.
    expect(res.body.contactCoverage).toEqual({ value: 0.6, contacted: 3, teams: 5, since: '2025-01-02' });
  });

  it('narrows to a platform team: its capabilities’ bugs, the requests asked of it, its conversations', async () => {
    const res = await t.call('GET', `/api/v1/voice/summary?${PERIOD}&platformTeam=plat-a`);
    expect(res.status).toBe(200);
    expect(res.body.bugs).toMatchObject({ n: 5, withoutSla: 0, ackWithinSla: 0.5 });
    // plat-a in March: 1 h, 4 h, 2 h → 2; 6, 24, 48 → 24
    expect(res.body.support).toMatchObject({ n: 3, medianHoursToFirstResponse: 2, medianHoursToResolve: 24, open: 0 });
    expect(res.body.contactCoverage).toMatchObject({ value: 0.4, contacted: 2, teams: 5 }); // t1, t3
    const db = await t.call('GET', `/api/v1/voice/summary?${PERIOD}&capability=db`);
    expect(db.body.bugs).toMatchObject({ n: 1, withoutSla: 1, ackWithinSla: null, ackN: 0 });
    expect(db.body.deflection).toEqual([]);
  });

  it('refuses filters that name nothing and a period that ends before it starts', async () => {
    const unknown = await t.call('GET', `/api/v1/voice/summary?${PERIOD}&capability=nope`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'capability' }] });
    const team = await t.call('GET', `/api/v1/voice/summary?${PERIOD}&platformTeam=nobody`);
    expect(team.body.error.details[0].field).toBe('platformTeam');
    const backwards = await t.call('GET', '/api/v1/voice/summary?from=2025-04-01&to=2025-03-01');
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details[0].field).toBe('from');
  });
});

describe('GET /voice/series', () => {
  it('counts each week: bugs reported and fixed, support opened and resolved, the queue at its end', async () => {
    const res = await t.call('GET', '/api/v1/voice/series?from=2025-03-03&to=2025-03-17');
    expect(res.status).toBe(200);
    expect(res.body.weeks).toEqual([
      // Week of 3 Mar: bug reported 5 Mar (2 Mar was the Sunday before), fixed 3 and 5 Mar; support opened 3 and
      // 4 Mar, resolved 3 and 5 Mar; queue at 10 Mar: none open; responses 1 h, 4 h → 2.5.
      {
        week: '2025-03-03',
        bugsReported: 1,
        bugsFixed: 2,
        supportOpened: 2,
        supportResolved: 2,
        queue: 0,
        medianHoursToFirstResponse: 2.5,
        unanswered: 0,
      },
      // Week of 10 Mar: bugs reported 10, 15 Mar, fixed 14 Mar; support opened 10, 12 Mar, resolved 12, 13 Mar;
      // queue at 17 Mar: none; responses 2 h, 8 h → 5.
      {
        week: '2025-03-10',
        bugsReported: 2,
        bugsFixed: 1,
        supportOpened: 2,
        supportResolved: 2,
        queue: 0,
        medianHoursToFirstResponse: 5,
        unanswered: 0,
      },
    ]);
  });

  it('refuses a range of more weeks than a series holds', async () => {
    const res = await t.call('GET', '/api/v1/voice/series?from=2000-01-01&to=2025-01-01');
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('from');
  });
});
