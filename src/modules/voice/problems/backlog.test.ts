import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { addItem, pain, request, seedVote, voiceOrg } from '../../../../test/voice-org.js';

let t: TestApp;
const id: Record<'p' | 'q' | 'ra' | 'rb' | 'rc' | 'rd' | 'inP' | 'done', number> = {
  p: 0,
  q: 0,
  ra: 0,
  rb: 0,
  rc: 0,
  rd: 0,
  inP: 0,
  done: 0,
};

const rice = (requestId: number, body: unknown) =>
  t.call('PUT', `/api/v1/backlog/requests/${requestId}/rice`, { body });

beforeAll(async () => {
  t = await createTestApp();
  await voiceOrg(t);
  // Problem P: pains from alpha and beta, a request from gamma voted by delta and by a platform-a person.
  id.inP = await addItem(t, request('gamma', 'Faster runners'));
  await seedVote(t, id.inP, 'dana', ['delta']);
  await seedVote(t, id.inP, 'pat', ['platform-a']);
  const pItems = [
    { kind: 'pain', id: await addItem(t, pain('alpha', 'Slow builds', 2, 8)) },
    { kind: 'pain', id: await addItem(t, pain('beta', 'Slow pipelines', 2, 3)) },
    { kind: 'request', id: id.inP },
  ];
  const p = await t.call('POST', '/api/v1/problems', {
    body: { title: 'CI is slow', items: pItems, impact: 2, confidence: 80, effort: 2 },
  });
  id.p = p.body.id;
  const q = await t.call('POST', '/api/v1/problems', {
    body: { title: 'Docs', items: [{ kind: 'pain', id: await addItem(t, pain('beta', 'No docs', 3, 1)) }] },
  });
  id.q = q.body.id;
  id.ra = await addItem(t, request('alpha', 'Preview environments'));
  // Voters from beta and gamma count; idle owns no service, so is no customer team.
  await seedVote(t, id.ra, 'bo', ['beta']);
  await seedVote(t, id.ra, 'gil', ['gamma', 'idle']);
  id.rb = await addItem(t, request('delta', 'Dark mode'));
  id.rc = await addItem(t, request('beta', 'Audit export'));
  await seedVote(t, id.rc, 'al', ['alpha']);
  id.rd = await addItem(t, request('gamma', 'More regions'));
  id.done = await addItem(t, { kind: 'request', input: { team: 'alpha', title: 'Done already', status: 'done' } });
});
afterAll(() => t.close());

describe('the backlog', () => {
  it('ranks problems and requests by RICE with reach from the data, rows without RICE last', async () => {
    expect((await rice(id.ra, { impact: 1, confidence: 50, effort: 1 })).status).toBe(200);
    const rb = await rice(id.rb, { impact: 3, confidence: 100, effort: 0.5 });
    expect(rb.body).toMatchObject({ kind: 'request', id: id.rb, reach: 1, rice: 6 });
    expect((await rice(id.rd, { impact: 1, confidence: null, effort: null })).status).toBe(200);

    const res = await t.call('GET', '/api/v1/backlog', { role: 'viewer' });
    expect(res.status).toBe(200);
    expect(
      res.body.items.map((r: { kind: string; id: number; reach: number; rice: number | null; arithmetic: string }) => [
        r.kind,
        r.id,
        r.reach,
        r.rice,
        r.arithmetic,
      ]),
    ).toEqual([
      // delta: 1 × 3 × 100 % / 0.5 = 6
      ['request', id.rb, 1, 6, 'reach 1 × impact 3 × 100 % / 0.5 person-weeks = 6'],
      // alpha, beta, gamma (items) + delta (voter); the platform-a voter does not count: 4 × 2 × 80 % / 2 = 3.2
      ['problem', id.p, 4, 3.2, 'reach 4 × impact 2 × 80 % / 2 person-weeks = 3.2'],
      // alpha (author) + beta, gamma (voters); idle is no customer team: 3 × 1 × 50 % / 1 = 1.5
      ['request', id.ra, 3, 1.5, 'reach 3 × impact 1 × 50 % / 1 person-week = 1.5'],
      // Without RICE: by reach (beta + alpha voter = 2), then the problem before the request at reach 1.
      ['request', id.rc, 2, null, 'reach 2; impact, confidence and effort not set'],
      ['problem', id.q, 1, null, 'reach 1; impact, confidence and effort not set'],
      ['request', id.rd, 1, null, 'reach 1; confidence and effort not set'],
    ]);
    // The request in problem P and the request already done are not listed on their own.
    expect(res.body.items[0]).toEqual({
      kind: 'request',
      id: id.rb,
      title: 'Dark mode',
      reach: 1,
      impact: 3,
      confidence: 100,
      effort: 0.5,
      rice: 6,
      arithmetic: 'reach 1 × impact 3 × 100 % / 0.5 person-weeks = 6',
      missing: [],
    });
    expect(res.body.items[5].missing).toEqual(['confidence', 'effort']);

    const first = await t.call('GET', '/api/v1/backlog?limit=4');
    expect(first.body.items).toHaveLength(4);
    const rest = await t.call('GET', `/api/v1/backlog?limit=4&cursor=${first.body.nextCursor}`);
    expect(rest.body.items.map((r: { id: number }) => r.id)).toEqual([id.q, id.rd]);
    expect(rest.body.nextCursor).toBeNull();
  });

  it('refuses bad RICE inputs, naming the field, and changes nothing', async () => {
    const stored = () =>
      t.database.db.selectFrom('feedback').select(['impact', 'confidence', 'effort']).where('id', '=', id.ra).execute();
    const before = await stored();
    expect(before).toEqual([{ impact: 1, confidence: 50, effort: 1 }]);
    const impact = await rice(id.ra, { impact: 0.7, confidence: 50, effort: 1 });
    expect([impact.status, impact.body.error.details]).toEqual([
      400,
      [{ field: 'impact', reason: 'must be one of 0.25, 0.5, 1, 2, 3' }],
    ]);
    expect((await rice(id.ra, { impact: 1, confidence: -1, effort: 1 })).body.error.details[0].field).toBe(
      'confidence',
    );
    expect((await rice(id.ra, { impact: 1, confidence: 10, effort: -2 })).body.error.details[0].field).toBe('effort');
    expect((await rice(id.ra, { impact: 1 })).body.error.details[0].field).toBe('confidence');
    expect((await rice(999999, { impact: 1, confidence: 1, effort: 1 })).status).toBe(404);
    const problemPain = await t.call('GET', `/api/v1/problems/${id.q}`);
    expect((await rice(problemPain.body.items[0].id, { impact: 1, confidence: 1, effort: 1 })).status).toBe(404);
    expect(await stored()).toEqual(before);
    expect(
      (
        await t.call('PUT', `/api/v1/backlog/requests/${id.ra}/rice`, {
          role: 'member',
          body: { impact: 1, confidence: 1, effort: 1 },
        })
      ).status,
    ).toBe(403);
  });
});
