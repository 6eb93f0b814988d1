import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { addRelease, daysAgo, shippingOrg } from '../../../../test/shipping-org.js';

// shippingOrg: det uses cap-a (a matched detection) and cap-b (a usage event); req asked for cap-a (a request) and
// uses nothing. The releases, by hand (days before now):
//   r1 cap-a 1.0.0 feature      200 d
//   r2 cap-a 1.1.0 deprecation  100 d, deadline in 30 days  → still open
//   r3 cap-a 1.2.0 breaking     100 d, deadline 10 days ago → passed
//   r4 cap-b 2.0.0 breaking      30 d, no deadline          → open (within 90 days)
//   r5 cap-b 1.9.0 deprecation  120 d, no deadline          → not open (older than 90 days)
//   r6 cap-a 1.3.0 fix            5 d
//   r7 unmapped (no capability)   1 d                       → never news
// det: what touches it (r4, r2: open and of what it uses) newest first, then the rest newest first: r6, r3, r5, r1.
// req: nothing touches it (it does not use cap-a): r6, then r2 and r3 (same time: the later id first), r1.
let t: TestApp;
const r: Record<string, number> = {};
const day = (days: number) => daysAgo(days).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  const ids = await shippingOrg(t);
  const [capA, capB] = [ids.capA!, ids.capB!];
  r.r1 = await addRelease(t, { capabilityId: capA, version: '1.0.0', type: 'feature', at: daysAgo(200) });
  const at100 = daysAgo(100);
  r.r2 = await addRelease(t, {
    capabilityId: capA,
    version: '1.1.0',
    type: 'deprecation',
    at: at100,
    deadline: day(-30),
  });
  r.r3 = await addRelease(t, { capabilityId: capA, version: '1.2.0', type: 'breaking', at: at100, deadline: day(10) });
  r.r4 = await addRelease(t, { capabilityId: capB, version: '2.0.0', type: 'breaking', at: daysAgo(30) });
  r.r5 = await addRelease(t, { capabilityId: capB, version: '1.9.0', type: 'deprecation', at: daysAgo(120) });
  r.r6 = await addRelease(t, { capabilityId: capA, version: '1.3.0', type: 'fix', title: 'Quicker', at: daysAgo(5) });
  r.r7 = await addRelease(t, { capabilityId: null, version: '0.1.0', type: 'feature', at: daysAgo(1) });
});
afterAll(() => t.close());

const news = async (path: string) => {
  const res = await t.call('GET', path, { role: 'viewer' });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const idsOf = (body: { items: { id: number }[] }) => body.items.map((i) => i.id);

describe("what's new for a team", () => {
  it('lists what touches the team first, then the rest newest first, each with why', async () => {
    const det = await news('/api/v1/teams/det/whats-new');
    expect(det.team).toBe('group:default/det');
    expect(idsOf(det)).toEqual([r.r4, r.r2, r.r6, r.r3, r.r5, r.r1]);
    expect(det.items.map((i: { touchesTeam: boolean }) => i.touchesTeam)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(det.items[0]).toMatchObject({ capability: 'cap-b', version: '2.0.0', type: 'breaking', why: ['uses'] });
    expect(det.items[1]).toMatchObject({ deadline: day(-30) });
    expect(det.items[2]).toMatchObject({ title: 'Quicker', date: expect.any(String) });
    expect(det.nextCursor).toBeNull();
  });

  it('a team that only asked: nothing touches it, newest first, the later id first at the same time', async () => {
    const req = await news('/api/v1/teams/req/whats-new');
    expect(idsOf(req)).toEqual([r.r6, r.r3, r.r2, r.r1]);
    expect(req.items.every((i: { why: string[] }) => i.why.join() === 'asked')).toBe(true);
    expect(idsOf(await news('/api/v1/teams/old/whats-new'))).toEqual([]);
  });

  it('pages across the boundary between what touches and the rest, and filters by date', async () => {
    const first = await news('/api/v1/teams/det/whats-new?limit=1');
    expect(idsOf(first)).toEqual([r.r4]);
    const second = await news(`/api/v1/teams/det/whats-new?limit=2&cursor=${first.nextCursor}`);
    expect(idsOf(second)).toEqual([r.r2, r.r6]);
    const rest = await news(`/api/v1/teams/det/whats-new?limit=4&cursor=${second.nextCursor}`);
    expect([idsOf(rest), rest.nextCursor]).toEqual([[r.r3, r.r5, r.r1], null]);
    expect(idsOf(await news(`/api/v1/teams/det/whats-new?from=${day(50)}`))).toEqual([r.r4, r.r6]);
  });

  it('names an unknown team (404) and a bad cursor or date (400)', async () => {
    const missing = await t.call('GET', '/api/v1/teams/nobody/whats-new');
    expect([missing.status, missing.body.error.code, missing.body.error.message]).toEqual([
      404,
      'NOT_FOUND',
      expect.stringContaining('team "default/nobody"'),
    ]);
    const cursor = await t.call('GET', '/api/v1/teams/det/whats-new?cursor=nonsense');
    expect([cursor.status, cursor.body.error.details]).toEqual([
      400,
      [{ field: 'cursor', reason: 'not a cursor this API returned' }],
    ]);
    const from = await t.call('GET', '/api/v1/teams/det/whats-new?from=yesterday');
    expect([from.status, from.body.error.details[0].field]).toEqual([400, 'from']);
  });
});
