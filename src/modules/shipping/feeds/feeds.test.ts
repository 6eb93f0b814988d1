import { parseAtomFeed, parseFeed, parseJsonFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { addRelease, daysAgo, shippingOrg } from '../../../../test/shipping-org.js';
import { DEFAULT_AUTH_SETTINGS } from '../../../http/auth-settings.js';
import { hashSecret } from '../../auth/tokens.js';

// shippingOrg: det uses cap-a and cap-b; req asked for cap-a. Releases (days before now):
//   r1 cap-a 1.0.0 feature   20 d
//   r2 cap-b 2.0.0 breaking  10 d, deadline in 30 days, "New API"
//   r3 cap-a 1.1.0 fix        2 d, notes with a script, an onerror attribute and a javascript: link
//   r4 no capability          1 d (from an unmapped repository: in no feed)
// Feeds, newest first: all → r3, r2, r1; cap-b → r2; det → r3, r2, r1; req (cap-a only) → r3, r1.
const BASE = 'https://paved.example.com';
const HOSTILE =
  'Faster.\n\n<script>alert(1)</script> <img src=x onerror="alert(2)">\n\n- [docs](https://docs.example.com/a)\n- [run](javascript:alert(3))';
let t: TestApp;
const r: Record<string, number> = {};
let jane: string;
let feedToken: string;

const asJane = (method: string, path: string, body?: unknown) =>
  t.call(method, path, { role: null, headers: { authorization: `Bearer ${jane}` }, ...(body ? { body } : {}) });
const get = (path: string, headers: Record<string, string> = {}) => t.app.request(path, { headers });

beforeAll(async () => {
  t = await createTestApp({ auth: { ...DEFAULT_AUTH_SETTINGS, publicUrl: BASE } });
  const ids = await shippingOrg(t);
  r.r1 = await addRelease(t, {
    capabilityId: ids.capA!,
    version: '1.0.0',
    type: 'feature',
    notes: 'First **one**',
    at: daysAgo(20),
  });
  r.r2 = await addRelease(t, {
    capabilityId: ids.capB!,
    version: '2.0.0',
    type: 'breaking',
    title: 'New API',
    at: daysAgo(10),
    deadline: daysAgo(-30).toISOString().slice(0, 10),
  });
  r.r3 = await addRelease(t, {
    capabilityId: ids.capA!,
    version: '1.1.0',
    type: 'fix',
    notes: HOSTILE,
    at: daysAgo(2),
  });
  r.r4 = await addRelease(t, { capabilityId: null, version: '0.1.0', type: 'feature', at: daysAgo(1) });
  const user =
    'apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata: { name: jane }\nspec: { profile: { email: jane@example.com }, memberOf: [det] }\n';
  const imported = await t.call('POST', '/api/v1/imports/backstage', {
    body: { source: 'people', files: [{ path: 'jane.yaml', content: user }] },
  });
  expect(imported.status).toBe(200);
  jane = (await t.call('POST', '/api/v1/tokens', { body: { name: 'jane-laptop', user: 'jane' } })).body.token;
});
afterAll(() => t.close());

describe('feed tokens', () => {
  it('are made by a person, shown once, stored hashed, listed without their secret', async () => {
    const made = await asJane('POST', '/api/v1/feed-tokens', { name: 'My reader' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name: 'My reader', lastUsedAt: null, token: expect.stringMatching(/^pvf_/) });
    feedToken = made.body.token;
    const stored = await t.database.db.selectFrom('feed_tokens').selectAll().execute();
    expect(stored.map((s) => [s.person_ref, s.token_hash])).toEqual([['user:default/jane', hashSecret(feedToken)]]);
    const list = await asJane('GET', '/api/v1/feed-tokens');
    expect(list.body.items).toEqual([
      { id: made.body.id, name: 'My reader', createdAt: expect.any(String), lastUsedAt: null },
    ]);
  });

  it('refuses a service token (no person) and an empty name, storing nothing', async () => {
    const service = await t.call('POST', '/api/v1/feed-tokens', { body: { name: 'bot' } });
    expect([service.status, service.body.error.code]).toEqual([403, 'FORBIDDEN']);
    const empty = await asJane('POST', '/api/v1/feed-tokens', { name: '' });
    expect([empty.status, empty.body.error.details]).toEqual([400, [{ field: 'name', reason: 'must not be empty' }]]);
    expect((await t.database.db.selectFrom('feed_tokens').select('id').execute()).length).toBe(1);
  });

  it('lists the feeds the caller may read, with a {token} placeholder', async () => {
    const feeds = await asJane('GET', '/api/v1/feeds');
    expect(feeds.status).toBe(200);
    expect(feeds.body.items.map((f: { kind: string; name: string | null }) => `${f.kind} ${f.name}`)).toEqual([
      'all null',
      'team det',
      'capability cap-a',
      'capability cap-b',
    ]);
    expect(feeds.body.items[1]).toMatchObject({
      atom: `${BASE}/feeds/teams/det.atom?token={token}`,
      json: `${BASE}/feeds/teams/det.json?token={token}`,
    });
  });
});

const atomOf = async (path: string) => {
  const res = await get(`${path}.atom?token=${feedToken}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
  const text = await res.text();
  expect(parseFeed(text).format).toBe('atom');
  return { res, text, feed: parseAtomFeed(text) };
};
const jsonOf = async (path: string) => {
  const res = await get(`${path}.json?token=${feedToken}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/feed+json; charset=utf-8');
  const raw = await res.json();
  return { raw, feed: parseJsonFeed(raw) };
};
const tag = (id: number) => `tag:paved.example.com,2025:paved/release/${id}`;

describe('Atom 1.0', () => {
  it("has RFC 4287's must-haves on the feed and on every entry", async () => {
    const { feed } = await atomOf('/feeds/releases');
    expect(feed.id).toBe('tag:paved.example.com,2025:paved/feed/releases');
    expect(feed.title?.value).toBe('Paved: releases');
    expect(Date.parse(feed.updated ?? '')).not.toBeNaN();
    expect(feed.links?.find((l) => l.rel === 'alternate')?.href).toBe(`${BASE}/shipping`);
    expect(feed.links?.find((l) => l.rel === 'self')?.href).toBe(`${BASE}/feeds/releases.atom?token=${feedToken}`);
    expect(feed.entries?.map((e) => e.id)).toEqual([tag(r.r3!), tag(r.r2!), tag(r.r1!)]);
    expect(feed.entries?.map((e) => e.title?.value)).toEqual([
      'cap-a 1.1.0: Fix',
      'cap-b 2.0.0: New API',
      'cap-a 1.0.0: Feature',
    ]);
    for (const e of feed.entries ?? []) {
      expect(Date.parse(e.updated ?? '')).not.toBeNaN();
      expect(Date.parse(e.published ?? '')).not.toBeNaN();
      expect(e.authors?.[0]?.name).toBe('platform-a');
      expect(e.links?.find((l) => l.rel === 'alternate')?.href).toMatch(new RegExp(`^${BASE}/shipping/releases/\\d+$`));
    }
    expect(feed.entries?.map((e) => e.categories?.[0]?.term)).toEqual(['fix', 'breaking', 'feature']);
    expect(feed.entries?.[2]?.content).toEqual({ type: 'html', value: '<p>First <strong>one</strong></p>' });
  });

  it("a capability's and a team's feeds hold their releases; a team's says why", async () => {
    expect((await atomOf('/feeds/capabilities/cap-b')).feed.entries?.map((e) => e.id)).toEqual([tag(r.r2!)]);
    expect((await atomOf('/feeds/teams/det')).feed.entries?.map((e) => e.id)).toEqual([
      tag(r.r3!),
      tag(r.r2!),
      tag(r.r1!),
    ]);
    const req = (await atomOf('/feeds/teams/req')).feed;
    expect(req.entries?.map((e) => e.id)).toEqual([tag(r.r3!), tag(r.r1!)]);
    expect(req.entries?.[1]?.content?.value).toBe(
      '<p><em>Your team asked for cap-a.</em></p>\n<p>First <strong>one</strong></p>',
    );
  });
});

describe('JSON Feed 1.1', () => {
  it('has the version URL, a title and items with ids and content_html', async () => {
    const { raw, feed } = await jsonOf('/feeds/teams/det');
    expect(raw.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBe('Paved: what’s new for det');
    expect(feed.feed_url).toBe(`${BASE}/feeds/teams/det.json?token=${feedToken}`);
    expect(feed.items?.map((i) => i.id)).toEqual([tag(r.r3!), tag(r.r2!), tag(r.r1!)]);
    expect(feed.items?.[1]).toMatchObject({
      url: `${BASE}/shipping/releases/${r.r2}`,
      title: 'cap-b 2.0.0: New API',
      tags: ['breaking'],
      content_html: `<p><em>Your team uses cap-b.</em></p>\n<p><strong>Deadline: ${daysAgo(-30).toISOString().slice(0, 10)}</strong></p>\n<p>No notes.</p>`,
    });
  });
});

describe('notes with HTML, script and javascript: links', () => {
  it('come out as text in both feeds: no script, no attribute, only the http(s) link', async () => {
    const expected =
      '<p>Faster.</p>\n<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=&quot;alert(2)&quot;&gt;</p>\n' +
      '<ul><li><a href="https://docs.example.com/a" rel="nofollow noopener">docs</a></li><li>run)</li></ul>';
    const atom = await atomOf('/feeds/capabilities/cap-a');
    const json = await jsonOf('/feeds/capabilities/cap-a');
    for (const html of [atom.feed.entries?.[0]?.content?.value, json.feed.items?.[0]?.content_html]) {
      expect(html).toBe(expected);
      expect(html).not.toMatch(/<script|<img|<[^>]*onerror|javascript:/i);
    }
    expect(atom.text).not.toMatch(/<script|<img/);
  });
});

describe('refusals: 404 whatever is wrong, the same answer each time', () => {
  it('a missing, wrong or revoked token, an unknown feed, a bearer token instead', async () => {
    const made = await asJane('POST', '/api/v1/feed-tokens', { name: 'Old reader' });
    const revoked = await asJane('DELETE', `/api/v1/feed-tokens/${made.body.id}`);
    expect(revoked.status).toBe(204);
    expect((await asJane('DELETE', `/api/v1/feed-tokens/${made.body.id}`)).status).toBe(404);
    const paths = [
      '/feeds/releases.atom',
      '/feeds/releases.json?token=pvf_wrong',
      `/feeds/releases.atom?token=${made.body.token}`,
      `/feeds/capabilities/nope.atom?token=${feedToken}`,
      `/feeds/teams/nope.json?token=${feedToken}`,
      `/feeds/releases.rss?token=${feedToken}`,
      `/feeds/other.atom?token=${feedToken}`,
    ];
    for (const path of paths) {
      const res = await get(path);
      expect([path, res.status, await res.json()]).toEqual([
        path,
        404,
        { error: { code: 'NOT_FOUND', message: 'no feed at this address' } },
      ]);
    }
    const bearer = await get('/feeds/releases.atom', { authorization: `Bearer ${t.tokens.admin}` });
    expect(bearer.status).toBe(404);
  });
});

describe('caching and use', () => {
  it('answers 304 to its own ETag, and a new ETag once a release changes', async () => {
    const first = await get(`/feeds/releases.atom?token=${feedToken}`);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]{32}"$/);
    const latest = await t.database.db
      .selectFrom('releases')
      .select('updated_at')
      .where('id', '=', r.r3!)
      .executeTakeFirstOrThrow();
    expect(first.headers.get('last-modified')).toBe(new Date(latest.updated_at).toUTCString());
    const again = await get(`/feeds/releases.atom?token=${feedToken}`, { 'if-none-match': etag });
    expect([again.status, await again.text(), again.headers.get('etag')]).toEqual([304, '', etag]);
    await t.database.db
      .updateTable('releases')
      .set({ title: 'Renamed', updated_at: new Date() })
      .where('id', '=', r.r1!)
      .execute();
    const changed = await get(`/feeds/releases.atom?token=${feedToken}`, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('records when a token was last used', async () => {
    const list = await asJane('GET', '/api/v1/feed-tokens');
    expect(Date.now() - Date.parse(list.body.items[0].lastUsedAt)).toBeLessThan(5 * 60_000);
  });

  it('carries the latest 50 entries', async () => {
    const cap = await t.database.db
      .selectFrom('entities')
      .select('id')
      .where('name', '=', 'cap-b')
      .executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('releases')
      .values(
        Array.from({ length: 55 }, (_, i) => ({
          capability_id: cap.id,
          version: `3.0.${i}`,
          type: 'fix' as const,
          released_at: daysAgo(1 - i / 100),
        })),
      )
      .execute();
    const { feed } = await jsonOf('/feeds/releases');
    expect(feed.items?.length).toBe(50);
    // The newest is 3.0.54 (0.54 days after yesterday); the 50th newest is 3.0.5.
    expect([feed.items?.[0]?.title, feed.items?.[49]?.title]).toEqual(['cap-b 3.0.54: Fix', 'cap-b 3.0.5: Fix']);
  });
});
