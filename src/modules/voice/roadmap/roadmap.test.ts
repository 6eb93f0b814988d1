import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { addItem, pain, request, seedVote, voiceOrg } from '../../../../test/voice-org.js';
import { createToken } from '../../auth/service.js';

let t: TestApp;
const id = { alphaPain: 0, betaRequest: 0, gammaPain: 0, r1: 0, r2: 0, p1: 0, p2: 0, a: 0, b: 0, c: 0, d: 0 };
let platformB = '';

const asPlatformB = (method: string, path: string, body: unknown) =>
  t.call(method, path, { role: null, headers: { authorization: `Bearer ${platformB}` }, body });
const stored = async () => ({
  items: await t.database.db.selectFrom('roadmap_items').select(['id', 'title', 'status']).orderBy('id').execute(),
  links: await t.database.db
    .selectFrom('roadmap_links')
    .selectAll()
    .orderBy('roadmap_id')
    .orderBy('kind')
    .orderBy('target_id')
    .execute(),
});
const roadmap = async (query = '') =>
  (await t.call('GET', `/api/v1/roadmap${query}`, { role: 'member' })).body.items as {
    id: number;
    reach: number;
    rice: number | null;
    teams: string[];
    answers?: { kind: string; id: number }[];
    problems: { id: number }[];
  }[];

beforeAll(async () => {
  t = await createTestApp();
  await voiceOrg(t);
  platformB = (await createToken(t.database.db, { name: 'b', role: 'admin', teamRef: 'group:default/platform-b' }))
    .token;
  id.alphaPain = await addItem(t, pain('alpha', 'Slow builds', 2, 8));
  id.betaRequest = await addItem(t, request('beta', 'Faster CI'));
  await seedVote(t, id.betaRequest, 'dana', ['delta']);
  id.gammaPain = await addItem(t, pain('gamma', 'No docs', 3, 2));
  id.r1 = await addItem(t, request('gamma', 'Preview environments'));
  await seedVote(t, id.r1, 'ann', ['alpha']);
  await seedVote(t, id.r1, 'pat', ['platform-a']);
  id.r2 = await addItem(t, request('delta', 'Dark mode'));
  const problem = async (title: string, items: { kind: string; id: number }[]) =>
    (await t.call('POST', '/api/v1/problems', { body: { title, items } })).body.id as number;
  id.p1 = await problem('CI is slow', [
    { kind: 'pain', id: id.alphaPain },
    { kind: 'request', id: id.betaRequest },
  ]);
  id.p2 = await problem('Docs', [{ kind: 'pain', id: id.gammaPain }]);
});
afterAll(() => t.close());

describe('the roadmap', () => {
  it('computes reach from all linked problems and requests together, and RICE from it', async () => {
    const a = await t.call('POST', '/api/v1/roadmap', {
      body: {
        title: 'Fast CI',
        capability: 'cap-a',
        status: 'now',
        targetQuarter: '2027-Q1',
        problems: [id.p1],
        requests: [id.r1],
        impact: 3,
        confidence: 50,
        effort: 3,
      },
    });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    id.a = a.body.id;
    // P1 reaches alpha, beta (items) and delta (voter); R1 reaches gamma (author) and alpha (voter; the platform-a
    // voter is no customer team): {alpha, beta, delta, gamma} = 4, alpha once. RICE: 4 × 3 × 50 % / 3 = 2.
    expect(a.body).toMatchObject({
      teams: ['alpha', 'beta', 'delta', 'gamma'],
      reach: 4,
      rice: 2,
      arithmetic: 'reach 4 × impact 3 × 50 % / 3 person-weeks = 2',
      capability: 'cap-a',
      targetQuarter: '2027-Q1',
      problems: [{ id: id.p1, title: 'CI is slow', status: 'open' }],
      requests: [{ id: id.r1, title: 'Preview environments', status: 'open' }],
    });
    expect(a.body.answers).toBeUndefined();
    id.b = (
      await t.call('POST', '/api/v1/roadmap', { body: { title: 'Docs site', status: 'next', problems: [id.p2] } })
    ).body.id;
    // R2: delta alone; 1 × 1 × 100 % / 1 = 1.
    const c = await t.call('POST', '/api/v1/roadmap', {
      body: { title: 'Themes', status: 'later', requests: [id.r2], impact: 1, confidence: 100, effort: 1 },
    });
    expect([c.body.reach, c.body.rice]).toEqual([1, 1]);
    id.c = c.body.id;
    // No links, no reach: 0 × 1 × 100 % / 1 = 0.
    id.d = (
      await t.call('POST', '/api/v1/roadmap', {
        body: { title: 'Upgrade runners', status: 'now', impact: 1, confidence: 100, effort: 1 },
      })
    ).body.id;

    // Now (by RICE: 2, then 0), next, later.
    const items = await roadmap();
    expect(items.map((i) => [i.id, i.reach, i.rice])).toEqual([
      [id.a, 4, 2],
      [id.d, 0, 0],
      [id.b, 1, null],
      [id.c, 1, 1],
    ]);
    expect((await roadmap('?status=later')).map((i) => i.id)).toEqual([id.c]);
  });

  it('shows a team which of its pains and requests each item answers', async () => {
    const answers = async (team: string) =>
      Object.fromEntries((await roadmap(`?team=${team}`)).map((i) => [i.id, i.answers]));
    // alpha: its pain in P1, and R1 which an alpha person voted for.
    expect((await answers('alpha'))[id.a]).toEqual([
      { kind: 'pain', id: id.alphaPain, title: 'Slow builds' },
      { kind: 'request', id: id.r1, title: 'Preview environments' },
    ]);
    // delta: beta's request in P1 that a delta person voted for; its own R2 on item C.
    const delta = await answers('delta');
    expect([delta[id.a], delta[id.b], delta[id.c], delta[id.d]]).toEqual([
      [{ kind: 'request', id: id.betaRequest, title: 'Faster CI' }],
      [],
      [{ kind: 'request', id: id.r2, title: 'Dark mode' }],
      [],
    ]);
    // gamma: R1 it wrote (on A) and its pain in P2 (on B).
    const gamma = await answers('gamma');
    expect([gamma[id.a], gamma[id.b]]).toEqual([
      [{ kind: 'request', id: id.r1, title: 'Preview environments' }],
      [{ kind: 'pain', id: id.gammaPain, title: 'No docs' }],
    ]);
    const unknown = await t.call('GET', '/api/v1/roadmap?team=nobody');
    expect([unknown.status, unknown.body.error.details]).toEqual([
      400,
      [{ field: 'team', reason: 'group:default/nobody is not in the catalog' }],
    ]);
  });

  it('refuses bad input and other platform teams’ capabilities, changing nothing', async () => {
    const before = await stored();
    const bad = async (method: string, path: string, body: unknown) => {
      const res = await t.call(method, path, { body });
      return [res.status, res.body.error.details];
    };
    expect(await bad('POST', '/api/v1/roadmap', { title: 'x', status: 'now', problems: [id.p1, 999999] })).toEqual([
      400,
      [{ field: 'problems[1]', reason: 'there is no problem 999999' }],
    ]);
    expect(await bad('PATCH', `/api/v1/roadmap/${id.a}`, { title: 'y', requests: [id.alphaPain] })).toEqual([
      400,
      [{ field: 'requests[0]', reason: `there is no request ${id.alphaPain}` }],
    ]);
    expect(await bad('PATCH', `/api/v1/roadmap/${id.a}`, { targetQuarter: '2027-Q5' })).toEqual([
      400,
      [{ field: 'targetQuarter', reason: 'must be a quarter like 2027-Q1' }],
    ]);
    expect(await bad('PATCH', `/api/v1/roadmap/${id.a}`, { impact: 0.7 })).toEqual([
      400,
      [{ field: 'impact', reason: 'must be one of 0.25, 0.5, 1, 2, 3' }],
    ]);
    expect(await bad('POST', '/api/v1/roadmap', { title: 'x', status: 'soon' })).toEqual([
      400,
      [{ field: 'status', reason: expect.any(String) }],
    ]);
    expect((await t.call('PATCH', '/api/v1/roadmap/999999', { body: { title: 'z' } })).status).toBe(404);
    // cap-a belongs to platform-a: platform-b may neither change its item nor create one on it.
    expect((await asPlatformB('PATCH', `/api/v1/roadmap/${id.a}`, { title: 'Mine' })).status).toBe(403);
    expect(
      (await asPlatformB('POST', '/api/v1/roadmap', { title: 'x', status: 'now', capability: 'cap-a' })).status,
    ).toBe(403);
    expect((await asPlatformB('PATCH', `/api/v1/roadmap/${id.b}`, { capability: 'cap-a' })).status).toBe(403);
    expect(
      (await t.call('POST', '/api/v1/roadmap', { role: 'member', body: { title: 'x', status: 'now' } })).status,
    ).toBe(403);
    expect(await stored()).toEqual(before);
    // An item on no capability is any platform member's.
    const mine = await asPlatformB('PATCH', `/api/v1/roadmap/${id.d}`, { status: 'done', problems: [id.p2] });
    expect([mine.status, mine.body.status, mine.body.reach]).toEqual([200, 'done', 1]);
  });

  it('follows a merge: links to the merged problem move to the one kept', async () => {
    expect((await t.call('POST', `/api/v1/problems/${id.p1}/merge`, { body: { from: id.p2 } })).status).toBe(200);
    const items = await roadmap();
    const b = items.find((i) => i.id === id.b);
    // B now links P1, which holds gamma's pain too: alpha, beta, gamma (items) + delta (voter) = 4.
    expect([b?.problems.map((p) => p.id), b?.reach]).toEqual([[id.p1], 4]);
    const links = await t.database.db
      .selectFrom('roadmap_links')
      .select('target_id')
      .where('kind', '=', 'problem')
      .execute();
    expect(links.map((l) => l.target_id).sort()).toEqual([id.p1, id.p1, id.p1].sort());
  });
});
