import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { addItem, pain, request, voiceOrg } from '../../../../test/voice-org.js';

let t: TestApp;
let alphaCi: number;
let betaCi: number;
let gammaCi: number;
let crash: number;
let docs: number[];

const dismissedRows = () =>
  t.database.db.selectFrom('dismissed_suggestions').select('item_ids').orderBy('id').execute();

beforeAll(async () => {
  t = await createTestApp();
  await voiceOrg(t);
  alphaCi = await addItem(t, pain('alpha', 'CI is slow', 2, 5));
  // The same need in other words: the engine's lexicon reads builds as CI and forever as slow.
  betaCi = await addItem(t, request('beta', 'Builds take forever'));
  // The same title from one team only: not a common problem.
  docs = [await addItem(t, pain('alpha', 'Docs missing', 3, 1)), await addItem(t, pain('alpha', 'docs missing', 3, 1))];
  // From an issue on a repository Paved maps to no capability, by an author it could not place.
  crash = await addItem(
    t,
    { kind: 'bug', input: { capability: 'cap-a', title: 'Crash on start', severity: 1 } },
    { refs: { team: null, capability: null, platformTeam: null }, source: 'github' },
  );
});
afterAll(() => t.close());

describe('suggested problems', () => {
  it('groups open items in no problem from at least two teams, with the reason', async () => {
    const res = await t.call('GET', '/api/v1/problems/suggestions', { role: 'viewer' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: [
        {
          items: [
            { kind: 'pain', id: alphaCi },
            { kind: 'request', id: betaCi },
          ],
          teams: ['alpha', 'beta'],
          reasons: ['builds / ci', 'forever / slow'],
          similarity: 0.905,
        },
      ],
      asOf: expect.any(String),
      stale: false,
    });
    // Exact as of this request: a few items regroup inline, never in the background.
    expect(Date.now() - Date.parse(res.body.asOf)).toBeLessThan(60_000);
  });

  it('lists new items in the inbox, newest first, flagged, with the suggestions count', async () => {
    const res = await t.call('GET', '/api/v1/voice/inbox', { role: 'viewer' });
    expect(res.status).toBe(200);
    expect(res.body.suggestions).toBe(1);
    expect(res.body.items.map((i: { id: number }) => i.id)).toEqual([crash, docs[1], docs[0], betaCi, alphaCi]);
    expect(res.body.items[0]).toMatchObject({
      kind: 'bug',
      team: null,
      flags: ['teamless', 'unplaced'],
      suggested: false,
    });
    expect(res.body.items[3]).toMatchObject({ team: 'beta', flags: [], suggested: true });
    const first = await t.call('GET', '/api/v1/voice/inbox?limit=2');
    expect(first.body.items.map((i: { id: number }) => i.id)).toEqual([crash, docs[1]]);
    const next = await t.call('GET', `/api/v1/voice/inbox?limit=2&cursor=${first.body.nextCursor}`);
    expect(next.body.items.map((i: { id: number }) => i.id)).toEqual([docs[0], betaCi]);
  });

  it('does not suggest a dismissed group again, until another item joins it', async () => {
    const bad = await t.call('POST', '/api/v1/problems/suggestions/dismiss', {
      body: {
        items: [
          { kind: 'pain', id: alphaCi },
          { kind: 'pain', id: 999999 },
        ],
      },
    });
    expect([bad.status, bad.body.error.details]).toEqual([
      400,
      [{ field: 'items[1]', reason: 'there is no pain 999999' }],
    ]);
    expect(await dismissedRows()).toEqual([]);

    const res = await t.call('POST', '/api/v1/problems/suggestions/dismiss', {
      body: {
        items: [
          { kind: 'request', id: betaCi },
          { kind: 'pain', id: alphaCi },
        ],
      },
    });
    expect(res.status).toBe(201);
    expect(await dismissedRows()).toEqual([{ item_ids: [alphaCi, betaCi] }]);
    expect((await t.call('GET', '/api/v1/problems/suggestions')).body.items).toEqual([]);
    expect((await t.call('GET', '/api/v1/voice/inbox')).body.suggestions).toBe(0);

    gammaCi = await addItem(t, pain('gamma', 'CI is Slow', 1, 2));
    const back = await t.call('GET', '/api/v1/problems/suggestions');
    expect(back.body.items).toHaveLength(1);
    expect(back.body.items[0].teams).toEqual(['alpha', 'beta', 'gamma']);
  });

  it('accepting creates a problem with the items; items already in a problem are refused', async () => {
    const items = [
      { kind: 'pain', id: alphaCi },
      { kind: 'request', id: betaCi },
      { kind: 'pain', id: gammaCi },
    ];
    const res = await t.call('POST', '/api/v1/problems/suggestions/accept', { body: { title: 'CI is slow', items } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    // Reach: alpha, beta, gamma = 3; hours: alpha 5 + gamma 2 = 7 (beta's item is a request); severity min(2, 1) = 1.
    expect([res.body.reach, res.body.hoursLostPerWeek, res.body.severity]).toEqual([3, 7, 1]);
    expect((await t.call('GET', '/api/v1/problems/suggestions')).body.items).toEqual([]);
    const inbox = await t.call('GET', '/api/v1/voice/inbox');
    expect(inbox.body.items.map((i: { id: number }) => i.id)).toEqual([crash, docs[1], docs[0]]);

    const again = await t.call('POST', '/api/v1/problems/suggestions/accept', {
      body: { title: 'Twice', items: [{ kind: 'pain', id: docs[0] }, ...items.slice(1)] },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.details).toEqual([
      { field: 'items[1]', reason: `request ${betaCi} is already in problem ${res.body.id}` },
      { field: 'items[2]', reason: `pain ${gammaCi} is already in problem ${res.body.id}` },
    ]);
    const problems = await t.database.db.selectFrom('problems').select('title').execute();
    expect(problems).toEqual([{ title: 'CI is slow' }]);
    const docsRow = await t.database.db
      .selectFrom('feedback')
      .select('problem_id')
      .where('id', '=', docs[0] ?? 0)
      .execute();
    expect(docsRow).toEqual([{ problem_id: null }]);
  });
});
