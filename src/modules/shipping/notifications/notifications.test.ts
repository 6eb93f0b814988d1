import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { feedbackCatalog } from '../../../../test/feedback-catalog.js';
import { silentLogger } from '../../../http/logger.js';
import { releasePublishedJob } from '../published.js';

/*
 * People: ann and eve (team-x), bob (team-y), cat (platform-a, which owns cap-a), dan (team-z). dan follows cap-a.
 * ann writes the request R "Preview environments" on cap-a, bob and cat vote for it; eve reports the bug B "Cache
 * misses" on cap-a. team-y and team-z declare they use cap-a (team-x only asked for it). Release 2.0.0 of cap-a,
 * breaking, deadline 2027-03-31, closes R, B and a roadmap item. Who gets what, by hand:
 * - dan: followed-release (follows cap-a) and migration (team-z uses cap-a)   2
 * - ann: asked-shipped (wrote R)                                              1
 * - bob: asked-shipped (voted for R) and migration (team-y uses cap-a)        2
 * - cat: asked-shipped (voted for R)                                          1
 * - eve: asked-shipped (reported B)                                           1
 * team-x asked for cap-a but does not use it: ann and eve get no migration notice. Total 7.
 */
let t: TestApp;
let as: Awaited<ReturnType<typeof feedbackCatalog>>;
const secrets: Record<string, string> = {};
let releaseId = 0;
const PEOPLE = { ann: 'team-x', eve: 'team-x', bob: 'team-y', cat: 'platform-a', dan: 'team-z' };
const ref = (who: string) => `user:default/${who}`;

const me = (who: string, method: string, path: string, body?: unknown) => as(secrets[who]!, method, path, body);
const inbox = (who: string, query = '') => me(who, 'GET', `/api/v1/notifications${query}`);
const run = (id: number) =>
  releasePublishedJob().handle({ releaseId: id }, { db: t.database.db, logger: silentLogger, attempt: 1 });
const stored = () =>
  t.database.db
    .selectFrom('notifications')
    .select(['id', 'person_ref', 'kind', 'title', 'body', 'link', 'dedupe_key', 'read_at'])
    .orderBy('person_ref')
    .orderBy('kind')
    .execute();

async function insertRelease(values: {
  capability: string;
  version: string;
  type: string;
  title?: string;
  deadline?: string;
  released_at?: Date;
}) {
  const cap = await t.database.db
    .selectFrom('entities')
    .select('id')
    .where('ref', '=', `capability:default/${values.capability}`)
    .executeTakeFirstOrThrow();
  const row = await t.database.db
    .insertInto('releases')
    .values({
      capability_id: cap.id,
      version: values.version,
      type: values.type as 'feature',
      title: values.title ?? null,
      notes: 'Notes.',
      deadline: values.deadline ?? null,
      ...(values.released_at ? { released_at: values.released_at } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

beforeAll(async () => {
  t = await createTestApp();
  as = await feedbackCatalog(t);
  const content = Object.entries(PEOPLE)
    .map(
      ([name, team]) =>
        `apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata: { name: ${name} }\nspec: { profile: { email: ${name}@example.com }, memberOf: [${team}] }\n`,
    )
    .join('---\n');
  const imported = await t.call('POST', '/api/v1/imports/backstage', {
    body: { source: 'people', files: [{ path: 'people.yaml', content }] },
  });
  expect(imported.status).toBe(200);
  for (const name of Object.keys(PEOPLE)) {
    const res = await t.call('POST', '/api/v1/tokens', { body: { name: `${name}-laptop`, user: name } });
    expect(res.status).toBe(201);
    secrets[name] = res.body.token;
  }
  expect((await me('dan', 'PUT', '/api/v1/capabilities/cap-a/follow')).body).toMatchObject({
    capability: 'cap-a',
    following: true,
  });
  const request = await me('ann', 'POST', '/api/v1/requests', {
    team: 'team-x',
    capability: 'cap-a',
    title: 'Preview environments',
  });
  expect(request.status).toBe(201);
  for (const who of ['bob', 'cat'])
    expect((await me(who, 'POST', `/api/v1/requests/${request.body.id}/votes`)).status).toBe(201);
  const bug = await me('eve', 'POST', '/api/v1/bugs', {
    team: 'team-x',
    capability: 'cap-a',
    title: 'Cache misses',
    severity: 2,
  });
  expect(bug.status).toBe(201);
  for (const team of ['team-y', 'team-z']) {
    const declared = await t.call('POST', '/api/v1/capabilities/cap-a/declarations', {
      body: { team, status: 'using', date: '2026-06-01' },
    });
    expect(declared.status).toBe(201);
  }
  releaseId = await insertRelease({
    capability: 'cap-a',
    version: '2.0.0',
    type: 'breaking',
    title: 'Caches keyed by lockfile',
    deadline: '2027-03-31',
  });
  await t.database.db
    .insertInto('release_closes')
    .values([
      { release_id: releaseId, kind: 'request', target_id: request.body.id },
      { release_id: releaseId, kind: 'bug', target_id: bug.body.id },
      { release_id: releaseId, kind: 'roadmap', target_id: 999 },
    ])
    .execute();
});
afterAll(() => t.close());

describe('the follow-up notify', () => {
  it('tells each person once per reason, with the words and link the release gives', async () => {
    await run(releaseId);
    const link = `/shipping/releases/${releaseId}`;
    const key = (kind: string) => `release:${releaseId}:${kind}`;
    const rows = await stored();
    expect(rows.map((r) => [r.person_ref, r.kind, r.title])).toEqual([
      [ref('ann'), 'asked-shipped', 'Your request "Preview environments" shipped in cap-a 2.0.0'],
      [ref('bob'), 'asked-shipped', 'Your request "Preview environments" shipped in cap-a 2.0.0'],
      [ref('bob'), 'migration', 'cap-a 2.0.0 is a breaking change for your team: migrate by 2027-03-31'],
      [ref('cat'), 'asked-shipped', 'Your request "Preview environments" shipped in cap-a 2.0.0'],
      [ref('dan'), 'followed-release', 'cap-a 2.0.0: Caches keyed by lockfile'],
      [ref('dan'), 'migration', 'cap-a 2.0.0 is a breaking change for your team: migrate by 2027-03-31'],
      [ref('eve'), 'asked-shipped', 'Your bug "Cache misses" was fixed in cap-a 2.0.0'],
    ]);
    expect(rows.every((r) => r.link === link && r.dedupe_key === key(r.kind) && r.read_at === null)).toBe(true);
    const bob = rows.filter((r) => r.person_ref === ref('bob')).map((r) => r.body);
    expect(bob).toEqual([
      'It closes request "Preview environments", which you reported or voted for.',
      'team-y uses cap-a. Caches keyed by lockfile. The old usage must be gone by 2027-03-31.',
    ]);
    expect(rows.find((r) => r.kind === 'followed-release')?.body).toBe('A breaking change of cap-a, which you follow.');
  });

  it('adds nothing when run again, and an edit changes the text but not the read state', async () => {
    const before = await stored();
    await run(releaseId);
    expect(await stored()).toEqual(before);

    expect((await me('dan', 'POST', '/api/v1/notifications/read', { all: true })).body).toEqual({
      marked: 2,
      unread: 0,
    });
    await t.database.db
      .updateTable('releases')
      .set({ title: 'Lockfile-keyed caches' })
      .where('id', '=', releaseId)
      .execute();
    await run(releaseId);
    const after = await stored();
    expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id));
    const dan = after.filter((r) => r.person_ref === ref('dan'));
    expect(dan.map((r) => r.title)[0]).toBe('cap-a 2.0.0: Lockfile-keyed caches');
    expect(dan.every((r) => r.read_at !== null)).toBe(true);
  });

  it('tells nobody of a release nobody follows, uses or asked for, nor of one dated over 30 days ago', async () => {
    const count = (await stored()).length;
    await run(await insertRelease({ capability: 'cap-b', version: '1.1.0', type: 'feature' }));
    const old = new Date(Date.now() - 31 * 86_400_000);
    await run(await insertRelease({ capability: 'cap-a', version: '1.9.0', type: 'deprecation', released_at: old }));
    expect((await stored()).length).toBe(count);
  });
});

describe('a person’s notifications and follows through the API', () => {
  it('lists the caller’s own newest first with the unread count, a page at a time', async () => {
    // bob's two were written in one statement, asked-shipped before migration: migration is the newest.
    const first = await inbox('bob', '?limit=1');
    expect(first.status).toBe(200);
    expect([first.body.items.map((n: any) => n.kind), first.body.unread]).toEqual([['migration'], 2]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await inbox('bob', `?limit=1&cursor=${first.body.nextCursor}`);
    expect([second.body.items.map((n: any) => n.kind), second.body.nextCursor]).toEqual([['asked-shipped'], null]);
    expect(second.body.items[0]).toMatchObject({ link: `/shipping/releases/${releaseId}`, readAt: null });
    // dan read both: none unread, both still listed.
    expect((await inbox('dan', '?unread=true')).body).toEqual({ items: [], nextCursor: null, unread: 0 });
    expect((await inbox('dan')).body.items.map((n: any) => typeof n.readAt)).toEqual(['string', 'string']);
  });

  it('never shows or marks another person’s notifications', async () => {
    const annsId = (await inbox('ann')).body.items[0].id as number;
    const bobs = (await inbox('bob')).body.items as { id: number; kind: string }[];
    expect(bobs.map((n) => n.id)).not.toContain(annsId);
    expect((await me('bob', 'POST', '/api/v1/notifications/read', { ids: [annsId] })).body).toEqual({
      marked: 0,
      unread: 2,
    });
    expect((await inbox('ann')).body).toMatchObject({ unread: 1, items: [{ id: annsId, readAt: null }] });
    // bob marks his own asked-shipped (and ann's again): one marked, one left.
    const own = bobs.find((n) => n.kind === 'asked-shipped')!.id;
    expect((await me('bob', 'POST', '/api/v1/notifications/read', { ids: [own, annsId] })).body).toEqual({
      marked: 1,
      unread: 1,
    });
    expect((await inbox('bob', '?unread=true')).body.items.map((n: any) => n.kind)).toEqual(['migration']);
  });

  it('refuses a service token with a clear 403, and bad input with 400 naming the field, changing nothing', async () => {
    const before = await stored();
    for (const [method, path] of [
      ['GET', '/api/v1/notifications'],
      ['GET', '/api/v1/follows'],
      ['PUT', '/api/v1/capabilities/cap-a/follow'],
    ] as const) {
      const res = await t.call(method, path, { role: 'member' });
      expect([res.status, res.body.error.code]).toEqual([403, 'FORBIDDEN']);
      expect(res.body.error.message).toMatch(/^notifications belong to a person/);
    }
    const bad: [unknown, string, string][] = [
      [{}, 'ids', 'give either "ids" (the notifications to mark read) or "all": true'],
      [{ ids: [1], all: true }, 'ids', 'give either "ids" (the notifications to mark read) or "all": true'],
      [{ ids: [0] }, 'ids[0]', 'must be positive'],
      [{ all: false }, 'all', 'must be true'],
      [{ all: true, also: 1 }, 'also', 'unknown field'],
    ];
    for (const [body, field, reason] of bad) {
      const res = await me('ann', 'POST', '/api/v1/notifications/read', body);
      expect([res.status, res.body.error.details]).toEqual([400, [{ field, reason }]]);
    }
    expect((await inbox('ann', '?unread=maybe')).body.error.details).toEqual([
      { field: 'unread', reason: 'must be true or false' },
    ]);
    expect((await inbox('ann', '?cursor=nonsense')).body.error.details).toEqual([
      { field: 'cursor', reason: 'not a cursor this API returned' },
    ]);
    expect(await stored()).toEqual(before);
  });

  it('follows and unfollows a capability, each once, with audit entries', async () => {
    const follows = await me('dan', 'GET', '/api/v1/follows');
    expect(follows.body.items).toEqual([{ capability: 'cap-a', title: null, followedAt: expect.any(String) }]);
    const again = await me('dan', 'PUT', '/api/v1/capabilities/cap-a/follow');
    expect(again.body).toEqual({ capability: 'cap-a', following: true, followedAt: follows.body.items[0].followedAt });
    expect((await me('dan', 'DELETE', '/api/v1/capabilities/cap-a/follow')).body).toEqual({
      capability: 'cap-a',
      following: false,
      followedAt: null,
    });
    expect((await me('dan', 'GET', '/api/v1/follows')).body.items).toEqual([]);
    expect((await me('dan', 'PUT', '/api/v1/capabilities/nope/follow')).status).toBe(404);
    const entries = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor', 'entity_id', 'summary'])
      .where('entity_kind', '=', 'follow')
      .orderBy('id')
      .execute();
    expect(entries.map((e) => [e.action, e.actor, e.entity_id, e.summary])).toEqual([
      ['follow', 'dan', 'cap-a', 'dan followed cap-a'],
      ['follow', 'dan', 'cap-a', 'dan followed cap-a again: nothing changed'],
      ['unfollow', 'dan', 'cap-a', 'dan unfollowed cap-a'],
    ]);
  });
});
