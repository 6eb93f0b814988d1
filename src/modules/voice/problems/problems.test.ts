import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { addItem, pain, request, seedVote, voiceOrg } from '../../../../test/voice-org.js';

let t: TestApp;
type Key =
  'alphaSmall' | 'alphaBig' | 'betaResolved' | 'gammaPain' | 'platformPain' | 'gammaRequest' | 'betaBug' | 'free';
const ids = {} as Record<Key, number>;
let problem: number;

const storedProblems = () =>
  t.database.db.selectFrom('problems').select(['id', 'title', 'impact', 'status']).orderBy('id').execute();
const problemOf = async (id: number) =>
  (await t.database.db.selectFrom('feedback').select('problem_id').where('id', '=', id).executeTakeFirstOrThrow())
    .problem_id;

beforeAll(async () => {
  t = await createTestApp();
  await voiceOrg(t);
  ids.alphaSmall = await addItem(t, pain('alpha', 'Builds take forever', 3, 6));
  ids.alphaBig = await addItem(t, pain('alpha', 'CI queue is long', 2, 10));
  ids.betaResolved = await addItem(t, pain('beta', 'Pipelines slow', 1, 20, '2026-02-01T00:00:00Z'));
  ids.gammaPain = await addItem(t, pain('gamma', 'Slow CI', 4, 4));
  ids.platformPain = await addItem(t, pain('platform-a', 'Our own CI is slow', 3, 5));
  ids.gammaRequest = await addItem(t, request('gamma', 'Faster CI runners'));
  ids.betaBug = await addItem(t, {
    kind: 'bug',
    input: { capability: 'cap-a', team: 'beta', title: 'Cache miss', severity: 4 },
  });
  // Voters: delta (a 4th customer team), platform-a (a platform team: not counted), alpha (already counted).
  await seedVote(t, ids.gammaRequest, 'dana', ['delta']);
  await seedVote(t, ids.gammaRequest, 'pat', ['platform-a']);
  await seedVote(t, ids.gammaRequest, 'ann', ['alpha']);
});
afterAll(() => t.close());

describe('a problem', () => {
  it('is created from items and shows reach, hours lost per week, severity and RICE computed from them', async () => {
    const items: Key[] = [
      'alphaSmall',
      'alphaBig',
      'betaResolved',
      'gammaPain',
      'platformPain',
      'gammaRequest',
      'betaBug',
    ];
    const kinds: Partial<Record<Key, string>> = { gammaRequest: 'request', betaBug: 'bug' };
    const res = await t.call('POST', '/api/v1/problems', {
      body: {
        title: 'CI is slow',
        capability: 'cap-a',
        items: items.map((k) => ({ kind: kinds[k] ?? 'pain', id: ids[k] })),
        impact: 2,
        confidence: 80,
        effort: 2,
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    problem = res.body.id;
    // Reach: items' teams alpha, beta, gamma (platform-a is a platform team) and voters' teams delta (alpha again,
    // platform-a not counted) → {alpha, beta, gamma, delta} = 4.
    expect(res.body.teams).toEqual(['alpha', 'beta', 'delta', 'gamma']);
    expect(res.body.reach).toBe(4);
    // Hours: alpha's larger open pain 10 (not 6 + 10), beta's pain is resolved, gamma 4, delta has no pain, the
    // platform team's 5 is outside the reach: 10 + 4 = 14.
    expect(res.body.hoursLostPerWeek).toBe(14);
    // Severity among open items: 3, 2, 4, 3 (pains), 4 (bug) → 2; the resolved pain's 1 does not count.
    expect(res.body.severity).toBe(2);
    // RICE: 4 × 2 × 80 % / 2 = 3.2
    expect(res.body.rice).toBe(3.2);
    expect(res.body.arithmetic).toBe('reach 4 × impact 2 × 80 % / 2 person-weeks = 3.2');
    expect(res.body.counts).toEqual({ pain: 5, request: 1, bug: 1, support: 0 });
    expect(res.body.capability).toBe('cap-a');
    expect(res.body.items[0]).toEqual({
      kind: 'pain',
      id: ids.alphaSmall,
      title: 'Builds take forever',
      team: 'alpha',
      status: 'open',
    });
    const read = await t.call('GET', `/api/v1/problems/${problem}`, { role: 'viewer' });
    expect(read.body).toEqual(res.body);
    const list = await t.call('GET', '/api/v1/problems?status=open', { role: 'viewer' });
    expect(list.body.items.map((p: { id: number }) => p.id)).toEqual([problem]);
  });

  it('refuses bad input and changes nothing', async () => {
    const before = await storedProblems();
    const impact = await t.call('PATCH', `/api/v1/problems/${problem}`, { body: { impact: 0.7, title: 'Other' } });
    expect(impact.status).toBe(400);
    expect(impact.body.error.code).toBe('VALIDATION_FAILED');
    expect(impact.body.error.details).toEqual([{ field: 'impact', reason: 'must be one of 0.25, 0.5, 1, 2, 3' }]);
    const confidence = await t.call('PATCH', `/api/v1/problems/${problem}`, { body: { confidence: 101 } });
    expect(confidence.body.error.details[0].field).toBe('confidence');
    const effort = await t.call('PATCH', `/api/v1/problems/${problem}`, { body: { effort: 0 } });
    expect(effort.body.error.details[0]).toEqual({ field: 'effort', reason: 'must be more than 0 person-weeks' });

    const free = await addItem(t, pain('delta', 'Flaky tests', 2, 3));
    const taken = await t.call('POST', '/api/v1/problems', {
      body: {
        title: 'Again',
        items: [
          { kind: 'pain', id: free },
          { kind: 'pain', id: ids.alphaBig },
        ],
      },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('CONFLICT');
    expect(taken.body.error.details).toEqual([
      { field: 'items[1]', reason: `pain ${ids.alphaBig} is already in problem ${problem}` },
    ]);
    expect(await problemOf(free)).toBeNull();

    const unknown = await t.call('PATCH', `/api/v1/problems/${problem}`, {
      body: {
        title: 'Renamed',
        addItems: [
          { kind: 'pain', id: free },
          { kind: 'bug', id: 999999 },
        ],
      },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details).toEqual([{ field: 'addItems[1]', reason: 'there is no bug 999999' }]);
    const wrongKind = await t.call('PATCH', `/api/v1/problems/${problem}`, {
      body: { addItems: [{ kind: 'request', id: free }] },
    });
    expect(wrongKind.body.error.details).toEqual([{ field: 'addItems[0]', reason: `there is no request ${free}` }]);
    const notHere = await t.call('PATCH', `/api/v1/problems/${problem}`, {
      body: { removeItems: [{ kind: 'pain', id: free }] },
    });
    expect(notHere.body.error.details).toEqual([
      { field: 'removeItems[0]', reason: `pain ${free} is not in problem ${problem}` },
    ]);
    const capability = await t.call('PATCH', `/api/v1/problems/${problem}`, { body: { capability: 'nope' } });
    expect(capability.body.error.details).toEqual([
      { field: 'capability', reason: 'capability:default/nope is not in the catalog' },
    ]);
    expect((await t.call('GET', '/api/v1/problems/999999')).status).toBe(404);
    expect((await t.call('PATCH', '/api/v1/problems/999999', { body: { title: 'x' } })).status).toBe(404);
    const selfMerge = await t.call('POST', `/api/v1/problems/${problem}/merge`, { body: { from: problem } });
    expect(selfMerge.body.error.details[0].field).toBe('from');
    const noFrom = await t.call('POST', `/api/v1/problems/${problem}/merge`, { body: { from: 999999 } });
    expect([noFrom.status, noFrom.body.error.details]).toEqual([
      400,
      [{ field: 'from', reason: 'there is no problem 999999' }],
    ]);

    expect(await storedProblems()).toEqual(before);
    expect(await problemOf(free)).toBeNull();
    expect((await t.call('GET', `/api/v1/problems/${problem}`)).body.counts.pain).toBe(5);
    ids.free = free;
  });

  it('links and unlinks items by hand, and its measures follow', async () => {
    const res = await t.call('PATCH', `/api/v1/problems/${problem}`, {
      body: {
        addItems: [{ kind: 'pain', id: ids.free }],
        removeItems: [{ kind: 'pain', id: ids.gammaPain }],
        impact: null,
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // delta now has a pain (3 hours); gamma's 4-hour pain left but gamma still has its request: reach stays 4.
    // Hours: alpha 10 + delta 3 = 13.
    expect([res.body.reach, res.body.hoursLostPerWeek, res.body.severity]).toEqual([4, 13, 2]);
    expect(res.body.rice).toBeNull();
    expect(res.body.arithmetic).toBe('reach 4; impact not set');
    expect(await problemOf(ids.gammaPain)).toBeNull();
  });

  it('splits items off into a new problem, and merges it back', async () => {
    const split = await t.call('POST', `/api/v1/problems/${problem}/split`, {
      body: { title: 'Bugs in the cache', items: [{ kind: 'bug', id: ids.betaBug }] },
    });
    expect(split.status, JSON.stringify(split.body)).toBe(201);
    const created = split.body.created.id as number;
    expect(split.body.created.items.map((i: { id: number }) => i.id)).toEqual([ids.betaBug]);
    expect(split.body.created.capability).toBe('cap-a');
    // The bug's severity 4 is gone from the first problem; its worst open severity is still alpha's 2.
    expect(split.body.from.counts.bug).toBe(0);
    expect([split.body.created.reach, split.body.created.severity]).toEqual([1, 4]);

    const notThere = await t.call('POST', `/api/v1/problems/${problem}/split`, {
      body: { title: 'x', items: [{ kind: 'bug', id: ids.betaBug }] },
    });
    expect(notThere.body.error.details[0].field).toBe('items[0]');

    const merged = await t.call('POST', `/api/v1/problems/${problem}/merge`, { body: { from: created } });
    expect(merged.status).toBe(200);
    expect(merged.body.counts.bug).toBe(1);
    expect((await t.call('GET', `/api/v1/problems/${created}`)).status).toBe(404);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('entity_kind', '=', 'problem')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => `${a.action} ${a.entity_id}`)).toEqual([
      `create ${problem}`,
      `update ${problem}`,
      `update ${problem}`,
      `create ${created}`,
      `update ${problem}`,
      `delete ${created}`,
    ]);
  });

  it('is curated by platform members and organisation admins, read by anyone signed in', async () => {
    const body = { title: 'By a member' };
    expect((await t.call('POST', '/api/v1/problems', { role: 'member', body })).status).toBe(403);
    expect((await t.call('POST', '/api/v1/problems', { role: 'viewer', body })).status).toBe(403);
    expect((await t.call('GET', '/api/v1/problems', { role: 'member' })).status).toBe(200);
  });
});
