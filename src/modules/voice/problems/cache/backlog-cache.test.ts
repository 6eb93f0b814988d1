import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/app.js';
import { addItem, pain, request, voiceOrg } from '../../../../../test/voice-org.js';
import { BacklogCache } from './backlog-cache.js';

// The backlog kept in memory must give, at every request, what computing it from scratch gives (DOMAIN.md: a
// request's reach = distinct customer teams of its author and voters; a problem's = of its items and its requests'
// voters), while reading again only what changed.
let t: TestApp;
const tokens: Record<string, string> = {};
let preview: number;
let darkMode: number;

async function people(memberships: Record<string, string[]>) {
  const content = Object.entries(memberships)
    .map(
      ([name, teams]) =>
        `apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata: { name: ${name} }\nspec: { profile: { email: ${name}@example.com }, memberOf: [${teams.join(', ')}] }\n`,
    )
    .join('---\n');
  const res = await t.call('POST', '/api/v1/imports/backstage', {
    body: { source: 'people', files: [{ path: 'people.yaml', content }] },
  });
  expect(res.status).toBe(200);
  for (const name of Object.keys(memberships)) {
    const token = await t.call('POST', '/api/v1/tokens', { body: { name: `${name}-laptop`, user: name } });
    expect(token.status).toBe(201);
    tokens[name] = token.body.token;
  }
}

const vote = async (who: string, method: 'POST' | 'DELETE', id: number) => {
  const res = await t.call(method, `/api/v1/requests/${id}/votes`, {
    role: null,
    headers: { authorization: `Bearer ${tokens[who]}` },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(method === 'POST' ? 201 : 200);
};

const reachOf = (rows: { kind: string; id: number; reach: number }[]) => rows.map((r) => [r.kind, r.id, r.reach]);

beforeAll(async () => {
  t = await createTestApp();
  await voiceOrg(t);
  await people({ bo: ['beta'], gil: ['gamma'], pat: ['platform-a'], dee: ['delta'] });
  preview = await addItem(t, request('alpha', 'Preview environments'));
  darkMode = await addItem(t, request('delta', 'Dark mode'));
});
afterAll(() => t.close());

describe('the backlog cache', () => {
  const cache = new BacklogCache();
  const fromScratch = () => new BacklogCache().ranked(t.database.db);

  it('brings reach up to date at each request, reading again only the requests votes touched', async () => {
    const db = t.database.db;
    // Each request: its author's team only. Equal reach, no RICE: the lower id first.
    expect(reachOf(await cache.ranked(db))).toEqual([
      ['request', preview, 1],
      ['request', darkMode, 1],
    ]);
    expect(cache.computations).toBe(1);

    await vote('bo', 'POST', preview);
    // Preview: alpha (author) + beta (bo) = 2; platform-a (pat) is no customer team, so dark mode stays at 1.
    await vote('pat', 'POST', darkMode);
    expect(reachOf(await cache.ranked(db))).toEqual([
      ['request', preview, 2],
      ['request', darkMode, 1],
    ]);
    await vote('bo', 'DELETE', preview);
    expect(reachOf(await cache.ranked(db))).toEqual([
      ['request', preview, 1],
      ['request', darkMode, 1],
    ]);
    expect(cache.computations).toBe(1);
    expect(await cache.ranked(db)).toEqual(await fromScratch());
  });

  it('takes a request placed in a problem off the list, and counts it in the problem', async () => {
    const db = t.database.db;
    await vote('gil', 'POST', preview);
    const slow = await addItem(t, pain('beta', 'Preview deploys are slow', 2, 3));
    const res = await t.call('POST', '/api/v1/problems', {
      body: {
        title: 'No preview environments',
        items: [
          { kind: 'request', id: preview },
          { kind: 'pain', id: slow },
        ],
      },
    });
    expect(res.status).toBe(201);
    // The problem: alpha (the request's author) + gamma (gil's vote) + beta (the pain) = 3.
    expect(reachOf(await cache.ranked(db))).toEqual([
      ['problem', res.body.id, 3],
      ['request', darkMode, 1],
    ]);
    // A vote for the request counts in its problem, which itself did not change: alpha, gamma, beta + delta = 4.
    await vote('dee', 'POST', preview);
    expect(reachOf(await cache.ranked(db))).toEqual([
      ['problem', res.body.id, 4],
      ['request', darkMode, 1],
    ]);
    expect(cache.computations).toBe(1);
    expect(await cache.ranked(db)).toEqual(await fromScratch());
  });

  it("shows a problem's new RICE inputs when only the problem changed, no item of it", async () => {
    const db = t.database.db;
    const problem = (await cache.ranked(db))[0]?.id;
    const res = await t.call('PATCH', `/api/v1/problems/${problem}`, {
      body: { impact: 2, confidence: 80, effort: 2 },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // RICE = reach 4 × impact 2 × 0.8 / 2 person-weeks = 3.2.
    const [first] = await cache.ranked(db);
    expect(first).toMatchObject({ kind: 'problem', id: problem, reach: 4, impact: 2, confidence: 80, effort: 2 });
    expect(first?.rice).toBeCloseTo(3.2, 12);
    expect(cache.computations).toBe(1);
    expect(await cache.ranked(db)).toEqual(await fromScratch());
  });

  it('computes every row again when the catalog changes which teams are customer teams', async () => {
    const db = t.database.db;
    const problem = (await cache.ranked(db))[0]?.id;
    // gamma now owns a capability: a platform team, no longer counted. The problem: alpha + beta + delta = 3.
    const cap = await t.call('POST', '/api/v1/capabilities', {
      body: { name: 'cap-g', owner: 'gamma', lifecycle: 'ga' },
    });
    expect(cap.status).toBe(201);
    expect(reachOf(await cache.ranked(db))).toEqual([
      ['problem', problem, 3],
      ['request', darkMode, 1],
    ]);
    expect(cache.computations).toBe(2);
    expect(await cache.ranked(db)).toEqual(await fromScratch());
  });
});
