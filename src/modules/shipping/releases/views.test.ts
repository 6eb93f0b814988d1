import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { voiceOrg } from '../../../../test/voice-org.js';
import { createToken } from '../../auth/service.js';
import { startOfUtcDay } from './views.js';

// Views of release notes: a capability_views row of kind 'release-notes' naming the release, the viewer's first
// team as team_ref and the person as subject, once per person per release per UTC day.
let t: TestApp;
let release = 0;
let unmapped = 0;
const tokens: Record<string, string> = {};

const view = (who: string, id: number) =>
  t.call('POST', `/api/v1/releases/${id}/views`, { role: null, headers: { authorization: `Bearer ${tokens[who]}` } });
const stored = (id: number) =>
  t.database.db
    .selectFrom('capability_views')
    .select(['capability_id', 'team_ref', 'subject', 'kind', 'release_id'])
    .where('release_id', '=', id)
    .orderBy('id')
    .execute();

beforeAll(async () => {
  t = await createTestApp();
  await voiceOrg(t);
  const db = t.database.db;
  const cap = await db.selectFrom('entities').select('id').where('name', '=', 'cap-a').executeTakeFirstOrThrow();
  // Seeded straight into the table: the releases API is another part's; only the view is under test here.
  release = (
    await db
      .insertInto('releases')
      .values({ capability_id: cap.id, version: '1.2.0', type: 'feature', title: 'Faster caches', notes: '# New' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  unmapped = (
    await db
      .insertInto('releases')
      .values({ capability_id: null, version: '0.1.0', type: 'fix', notes: '', source: 'github', external_id: 'x1' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  tokens.ann = (await createToken(db, { name: 'ann', role: 'member', teamRef: 'group:default/alpha' })).token;
  tokens.bo = (await createToken(db, { name: 'bo', role: 'viewer', teamRef: null })).token;
});
afterAll(() => t.close());

describe('POST /releases/{id}/views', () => {
  it('records one view per person per release per day, with the team and the capability', async () => {
    const first = await view('ann', release);
    expect([first.status, first.body]).toEqual([200, { recorded: true }]);
    // The same person again the same day: answered, not counted again.
    const again = await view('ann', release);
    expect([again.status, again.body]).toEqual([200, { recorded: false }]);
    // Another person (no team): counted, with no team.
    expect((await view('bo', release)).body).toEqual({ recorded: true });
    const cap = await t.database.db.selectFrom('entities').select('id').where('name', '=', 'cap-a').executeTakeFirst();
    // What the release shows: ann once, bo once = 2.
    expect((await t.call('GET', `/api/v1/releases/${release}`)).body.views).toBe(2);
    expect(await stored(release)).toEqual([
      {
        capability_id: cap?.id,
        team_ref: 'group:default/alpha',
        subject: 'ann',
        kind: 'release-notes',
        release_id: release,
      },
      { capability_id: cap?.id, team_ref: null, subject: 'bo', kind: 'release-notes', release_id: release },
    ]);
  });

  it('counts a view again on a later day', async () => {
    // ann's view moved to yesterday: today's opening is a new day's view (2 rows for ann, 3 in all).
    const yesterday = new Date(startOfUtcDay(new Date()).getTime() - 3_600_000);
    await t.database.db
      .updateTable('capability_views')
      .set({ viewed_at: yesterday })
      .where('release_id', '=', release)
      .where('subject', '=', 'ann')
      .execute();
    expect((await view('ann', release)).body).toEqual({ recorded: true });
    expect((await stored(release)).map((r) => r.subject)).toEqual(['ann', 'bo', 'ann']);
    expect((await t.call('GET', `/api/v1/releases/${release}`)).body.views).toBe(3);
  });

  it('answers 404 for an unknown release and records nothing for one without a capability', async () => {
    const missing = await view('ann', 999999);
    expect([missing.status, missing.body.error.code]).toEqual([404, 'NOT_FOUND']);
    const none = await view('ann', unmapped);
    expect([none.status, none.body]).toEqual([200, { recorded: false }]);
    expect(await stored(unmapped)).toEqual([]);
  });

  it('refuses an anonymous caller and leaves no audit entry for a view', async () => {
    expect((await t.call('POST', `/api/v1/releases/${release}/views`, { role: null })).status).toBe(401);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('summary')
      .where('summary', 'like', '%views%')
      .execute();
    expect(audit).toEqual([]);
  });
});

describe('startOfUtcDay', () => {
  it('is midnight UTC of the same UTC day', () => {
    expect(startOfUtcDay(new Date('2026-03-04T23:59:59Z')).toISOString()).toBe('2026-03-04T00:00:00.000Z');
    expect(startOfUtcDay(new Date('2026-03-05T00:00:00Z')).toISOString()).toBe('2026-03-05T00:00:00.000Z');
  });
});
