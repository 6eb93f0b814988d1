import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { feedbackCatalog } from '../../../../test/feedback-catalog.js';

// A kind's list: newest first by the time each item was opened, each filter narrowing it, pages that join up.
let t: TestApp;
const ids: Record<string, number> = {};
const titles = async (query: string) => {
  const res = await t.call('GET', `/api/v1/pains${query}`, { role: 'viewer' });
  expect(res.status).toBe(200);
  return res.body.items.map((p: { title: string }) => p.title);
};

beforeAll(async () => {
  t = await createTestApp();
  await feedbackCatalog(t);
  const pains = [
    [
      'p1',
      { team: 'team-x', capability: 'cap-a', title: 'Builds take forever', body: 'CI waits', createdAt: '2025-01-10' },
    ],
    [
      'p2',
      {
        team: 'team-y',
        capability: 'cap-b',
        title: 'Deploys fail on Friday',
        body: 'the builds are fine',
        createdAt: '2025-02-10',
      },
    ],
    [
      'p3',
      { team: 'team-x', capability: 'cap-b', title: 'Slow BUILDS', createdAt: '2025-03-10', resolvedAt: '2025-03-20' },
    ],
    ['p4', { team: 'team-z', title: 'Docs are outdated', createdAt: '2025-04-10' }],
  ] as const;
  for (const [key, body] of pains) {
    const res = await t.call('POST', '/api/v1/pains', { body: { severity: 3, hoursLostPerWeek: 1, ...body } });
    expect(res.status).toBe(201);
    ids[key] = res.body.id;
  }
  expect((await t.call('POST', '/api/v1/requests', { body: { team: 'team-x', title: 'Builds on ARM' } })).status).toBe(
    201,
  );
  // What other parts of the voice set: p2 grouped under a problem, p4 brought in from a CSV file.
  const db = t.database.db;
  const problem = await db
    .insertInto('problems')
    .values({ title: 'Delivery is slow' })
    .returning('id')
    .executeTakeFirstOrThrow();
  ids.problem = Number(problem.id);
  await db.updateTable('feedback').set({ problem_id: problem.id }).where('id', '=', ids.p2!).execute();
  await db.updateTable('feedback').set({ source: 'csv' }).where('id', '=', ids.p4!).execute();
});
afterAll(() => t.close());

it('lists a kind’s items newest first, and no other kind', async () => {
  expect(await titles('')).toEqual([
    'Docs are outdated',
    'Slow BUILDS',
    'Deploys fail on Friday',
    'Builds take forever',
  ]);
  const requests = await t.call('GET', '/api/v1/requests', { role: 'viewer' });
  expect(requests.body.items.map((r: { title: string }) => r.title)).toEqual(['Builds on ARM']);
});

it('filters by team, capability, status, problem and source', async () => {
  expect(await titles('?team=team-x')).toEqual(['Slow BUILDS', 'Builds take forever']);
  expect(await titles('?team=group:default/team-y')).toEqual(['Deploys fail on Friday']);
  expect(await titles('?team=nobody')).toEqual([]);
  expect(await titles('?capability=cap-b')).toEqual(['Slow BUILDS', 'Deploys fail on Friday']);
  expect(await titles('?status=resolved')).toEqual(['Slow BUILDS']);
  expect(await titles('?status=open&team=team-x')).toEqual(['Builds take forever']);
  expect(await titles(`?problem=${ids.problem}`)).toEqual(['Deploys fail on Friday']);
  expect(await titles('?source=csv')).toEqual(['Docs are outdated']);
});

it('lists support requests by category, platform team asked, not yet resolved, and closed in a period', async () => {
  const support = [
    { title: 'Registry access', category: 'access', capability: 'cap-a', openedAt: '2025-05-01' },
    { title: 'Vault token', category: 'secrets', capability: 'cap-b', openedAt: '2025-05-02' },
    {
      title: 'Repo access',
      category: 'access',
      capability: 'cap-b',
      openedAt: '2025-05-03',
      firstResponseAt: '2025-05-03T02:00:00Z',
    },
    {
      title: 'Old access',
      category: 'access',
      capability: 'cap-a',
      openedAt: '2025-05-04',
      firstResponseAt: '2025-05-04T01:00:00Z',
      resolvedAt: '2025-06-01',
    },
  ];
  for (const body of support)
    expect((await t.call('POST', '/api/v1/support-requests', { body: { team: 'team-x', ...body } })).status).toBe(201);
  const listed = async (query: string) =>
    (await t.call('GET', `/api/v1/support-requests${query}`, { role: 'viewer' })).body.items.map(
      (r: { title: string }) => r.title,
    );
  expect(await listed('?category=access')).toEqual(['Old access', 'Repo access', 'Registry access']);
  // Asked of a capability's owner when no platform team is named: cap-b's is platform-b.
  expect(await listed('?platformTeam=platform-b')).toEqual(['Repo access', 'Vault token']);
  // Unresolved: open or answered, not resolved (the queue).
  expect(await listed('?status=unresolved')).toEqual(['Repo access', 'Vault token', 'Registry access']);
  expect(await listed('?status=responded')).toEqual(['Repo access']);
  expect(await listed('?closedFrom=2025-06-01&closedTo=2025-06-02')).toEqual(['Old access']);
  expect(await listed('?closedFrom=2025-06-02')).toEqual([]);
});

it('finds words in the title or the text whatever their case, every word', async () => {
  // "build" is in p1's title, p2's text ("builds") and p3's title ("BUILDS").
  expect(await titles('?q=build')).toEqual(['Slow BUILDS', 'Deploys fail on Friday', 'Builds take forever']);
  expect(await titles('?q=BUILD%20forever')).toEqual(['Builds take forever']);
  expect(await titles('?q=100%25')).toEqual([]);
});

it('filters on the opening time: from inclusive, to exclusive', async () => {
  expect(await titles('?from=2025-02-10&to=2025-04-10')).toEqual(['Slow BUILDS', 'Deploys fail on Friday']);
});

it('pages with a cursor that joins up', async () => {
  const first = await t.call('GET', '/api/v1/pains?limit=3');
  expect(first.body.items.map((p: { id: number }) => p.id)).toEqual([ids.p4, ids.p3, ids.p2]);
  const second = await t.call('GET', `/api/v1/pains?limit=3&cursor=${first.body.nextCursor}`);
  expect([second.body.items.map((p: { id: number }) => p.id), second.body.nextCursor]).toEqual([[ids.p1], null]);
});

it.each([
  ['?status=acknowledged', 'status'],
  ['?from=2025-03-01&to=2025-02-01', 'from'],
  ['?cursor=bm90LWEtY3Vyc29y', 'cursor'],
  ['?limit=0', 'limit'],
  ['?team=a%20b', 'team'],
])('refuses %s with 400 naming the field', async (query, field) => {
  const res = await t.call('GET', `/api/v1/pains${query}`);
  expect([res.status, res.body.error.details[0].field]).toEqual([400, field]);
});
