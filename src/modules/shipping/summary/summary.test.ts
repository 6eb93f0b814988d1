import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { addItem, request, voiceOrg } from '../../../../test/voice-org.js';

// A period (March and April 2026) with three releases through the API, the requests they close and their votes; the
// expected figures are worked out by hand in the comments.
let t: TestApp;
const ids: Record<string, number> = {};
const PERIOD = 'from=2026-03-01&to=2026-05-01';

const vote = (requestId: number, person: string, at: string) =>
  t.database.db
    .insertInto('request_votes')
    .values({ request_id: requestId, person_ref: `user:default/${person}`, teams: '[]', voted_at: new Date(at) })
    .execute();

async function release(key: string, body: Record<string, unknown>) {
  const res = await t.call('POST', '/api/v1/releases', { body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  ids[key] = res.body.id;
}

beforeAll(async () => {
  t = await createTestApp();
  await voiceOrg(t);
  ids.r1 = await addItem(t, request('alpha', 'Remote cache'));
  ids.r2 = await addItem(t, request('beta', 'Faster checkout'));
  ids.r3 = await addItem(t, request('gamma', 'Nobody voted'));
  await vote(ids.r1, 'ann', '2026-03-01T00:00:00Z');
  await vote(ids.r1, 'bob', '2026-03-05T00:00:00Z');
  await vote(ids.r2, 'cat', '2026-03-21T00:00:00Z');
  const closes = (...keys: string[]) => keys.map((k) => ({ kind: 'request', id: ids[k] }));
  await release('old', { capability: 'cap-a', version: '1.0.0', type: 'feature', notes: 'First', date: '2026-01-15' });
  await release('a', {
    capability: 'cap-a',
    version: '1.1.0',
    type: 'feature',
    notes: 'Remote cache',
    date: '2026-03-31',
    closes: closes('r1', 'r2'),
  });
  await release('b', {
    capability: 'cap-a',
    version: '1.1.1',
    type: 'fix',
    notes: '',
    date: '2026-04-10',
    closes: closes('r3'),
  });
  // A deprecation in May (outside the period): open, as its evidence has not been read yet (no job runs here).
  await release('d', {
    capability: 'cap-b',
    version: '3.0.0',
    type: 'deprecation',
    notes: 'cap-b v2 goes',
    date: '2026-05-10',
    deadline: '2026-09-30',
  });
  await release('c', { capability: 'cap-b', version: '2.0.0', type: 'security', notes: 'OpenSSL', date: '2026-04-15' });
  const views = [ids.a, ids.a, ids.a, ids.c].map((releaseId) => ({
    capability_id: 0,
    release_id: releaseId as number,
    subject: 'user:default/ann',
    kind: 'release-notes' as const,
  }));
  const capA = await t.database.db
    .selectFrom('entities')
    .select('id')
    .where('name', '=', 'cap-a')
    .executeTakeFirstOrThrow();
  const capB = await t.database.db
    .selectFrom('entities')
    .select('id')
    .where('name', '=', 'cap-b')
    .executeTakeFirstOrThrow();
  await t.database.db
    .insertInto('capability_views')
    .values(views.map((v) => ({ ...v, capability_id: v.release_id === ids.c ? capB.id : capA.id })))
    .execute();
});
afterAll(() => t.close());

describe('GET /shipping/summary', () => {
  it('gives the period’s figures as computed by hand, with the items behind each', async () => {
    const res = await t.call('GET', `/api/v1/shipping/summary?${PERIOD}`);
    expect(res.status).toBe(200);
    const s = res.body;
    // a, b and c are in the period; "old" (January) is not.
    expect(s.releases.total).toBe(3);
    expect(s.releases.byType).toEqual({ feature: 1, fix: 1, breaking: 0, deprecation: 0, security: 1 });
    expect(s.releases.byCapability.map((c: { capability: string; total: number }) => [c.capability, c.total])).toEqual([
      ['cap-a', 2],
      ['cap-b', 1],
    ]);
    // b has no notes: 2 of 3.
    expect(s.notes).toMatchObject({
      withNotes: 2,
      total: 3,
      without: [{ id: ids.b, capability: 'cap-a', version: '1.1.1' }],
    });
    expect(s.notes.share).toBeCloseTo(2 / 3, 12);
    // 3 views of a, 1 of c: 4 over 3 releases = 1.3 per release.
    expect(s.views).toMatchObject({ total: 4, perRelease: 1.3 });
    expect(s.views.top[0]).toEqual({ id: ids.a, capability: 'cap-a', version: '1.1.0', views: 3 });
    // r1: first vote 1 March → 31 March = 30 days; r2: 21 March → 31 March = 10 days; r3 had no vote. Median 20.
    expect(s.voteToRelease).toMatchObject({ medianDays: 20, n: 2, withoutVotes: 1 });
    expect(
      s.voteToRelease.items.map((i: { requestId: number; release: string; days: number }) => [
        i.requestId,
        i.release,
        i.days,
      ]),
    ).toEqual([
      [ids.r1, 'cap-a 1.1.0', 30],
      [ids.r2, 'cap-a 1.1.0', 10],
    ]);
    expect(s.demos).toEqual({
      conversion: { value: null, converted: 0, eligible: 0, demos: 0, provisionalDemos: 0 },
      items: [],
    });
    // Open deprecations whatever the period: d, not yet evaluated, nothing affected yet.
    expect(s.migrations.items).toMatchObject([
      { id: ids.d, capability: 'cap-b', version: '3.0.0', deadline: '2026-09-30', evaluated: false, open: true },
    ]);
    expect(s.migrations.items[0]).toMatchObject({ affected: 0, migrated: 0, progress: null });
  });

  it('refuses a period that ends before it starts, naming the field', async () => {
    const res = await t.call('GET', '/api/v1/shipping/summary?from=2026-05-01&to=2026-03-01');
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ field: 'from', reason: 'must be before to' }]);
  });
});
