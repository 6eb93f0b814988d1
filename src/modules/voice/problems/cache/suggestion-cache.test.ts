import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/app.js';
import { addItem, pain, request, seedVote, voiceOrg } from '../../../../../test/voice-org.js';
import { dismissedItemSets, openUnplacedItems } from '../repo.js';
import { suggestProblems } from '../suggest/suggest-problems.js';
import { SuggestionCache } from './suggestion-cache.js';

// Suggestions kept in memory must be what grouping every open item in no problem from scratch gives, at every
// request; while a long rebuild runs in the background, the last ones without the items that left, marked stale.
let t: TestApp;
const id = { alpha: 0, beta: 0, gamma: 0, delta: 0 };

/** The engine run from scratch on the database as it is, teams by name (as the route shows them). */
async function fromScratch() {
  const rows = await openUnplacedItems(t.database.db);
  const items = rows.map((r) => ({ kind: r.kind, id: r.id, team: r.team_ref, title: r.title, body: r.body }));
  return suggestProblems(items, { dismissed: await dismissedItemSets(t.database.db) }).map((s) => ({
    ...s,
    teams: s.teams.map((ref) => ref.replace('group:default/', '')),
  }));
}

const idsOf = (answer: { items: { items: { id: number }[] }[] }) => answer.items.map((s) => s.items.map((i) => i.id));

beforeAll(async () => {
  t = await createTestApp();
  await voiceOrg(t);
  id.alpha = await addItem(t, pain('alpha', 'CI is slow', 2, 5));
  id.beta = await addItem(t, request('beta', 'Builds take forever'));
  await addItem(t, pain('alpha', 'Docs missing', 3, 1));
});
afterAll(() => t.close());

describe('the suggestion cache', () => {
  const cache = new SuggestionCache();

  it('adds a new item to its group without building again, as a build from scratch would group it', async () => {
    const db = t.database.db;
    expect(idsOf(await cache.current(db))).toEqual([[id.alpha, id.beta]]);
    expect(cache.builds).toBe(1);
    id.gamma = await addItem(t, pain('gamma', 'Our CI pipeline is so slow', 1, 2));
    const now = await cache.current(db);
    expect(idsOf(now)).toEqual([[id.alpha, id.beta, id.gamma]]);
    expect([now.stale, now.suggested.has(id.gamma), cache.builds]).toEqual([false, true, 1]);
    expect(now.items).toEqual(await fromScratch());
  });

  it('keeps its groups when a vote touches a request: nothing the engine reads changed', async () => {
    await seedVote(t, id.beta, 'dana', ['delta']);
    expect(idsOf(await cache.current(t.database.db))).toEqual([[id.alpha, id.beta, id.gamma]]);
    expect(cache.builds).toBe(1);
  });

  it('takes out an item edited to say something else, building again', async () => {
    const res = await t.call('PATCH', `/api/v1/pains/${id.gamma}`, { body: { title: 'Dark mode for the portal' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const now = await cache.current(t.database.db);
    expect(idsOf(now)).toEqual([[id.alpha, id.beta]]);
    expect(cache.builds).toBe(2);
    expect(now.items).toEqual(await fromScratch());
  });

  it('takes out an item placed in a problem', async () => {
    id.delta = await addItem(t, pain('delta', 'Slow CI builds', 2, 4));
    expect(idsOf(await cache.current(t.database.db))).toEqual([[id.alpha, id.beta, id.delta]]);
    const res = await t.call('POST', '/api/v1/problems', {
      body: { title: 'Slow CI', items: [{ kind: 'pain', id: id.alpha }] },
    });
    expect(res.status).toBe(201);
    const now = await cache.current(t.database.db);
    expect(idsOf(now)).toEqual([[id.beta, id.delta]]);
    expect(now.items).toEqual(await fromScratch());
  });

  it('rebuilding in the background, serves the last suggestions without the items that left, marked stale', async () => {
    const db = t.database.db;
    // Every rebuild goes to the background, as it does when the last build took long (100,000 items).
    const slow = new SuggestionCache({ inlineBuildMs: -1, sliceMs: 20 });
    const ci = await addItem(t, request('gamma', 'CI takes forever'));
    const before = await slow.current(db);
    expect(idsOf(before)).toEqual([[id.beta, id.delta, ci]]);
    const res = await t.call('POST', '/api/v1/problems', {
      body: { title: 'Slow CI, again', items: [{ kind: 'pain', id: id.delta }] },
    });
    expect(res.status).toBe(201);

    const during = await slow.current(db);
    // beta and gamma still make a group of two teams; delta's pain is in a problem now, so it is left out at once.
    expect(idsOf(during)).toEqual([[id.beta, ci]]);
    expect([during.stale, during.items[0]?.teams, during.asOf]).toEqual([true, ['beta', 'gamma'], before.asOf]);
    expect(during.suggested.has(id.delta)).toBe(false);

    await slow.settled();
    const after = await slow.current(db);
    expect([after.stale, slow.builds]).toEqual([false, 2]);
    expect(after.asOf.getTime()).toBeGreaterThan(before.asOf.getTime());
    expect(after.items).toEqual(await fromScratch());
  });
});
