import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { createTestDatabase } from '../../../test/db.js';
import { buildApp } from '../../server/app.js';
import { silentLogger } from '../../http/logger.js';
import { ACCESS_FIELD } from '../../http/access.js';
import { DEFAULT_AUTH_SETTINGS } from '../../http/auth-settings.js';
import { ACTOR_HEADER, authenticateToken, ensureAdminToken, issueLocalCliToken } from './service.js';

let t: TestApp;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

const UNAUTHENTICATED = {
  error: { code: 'UNAUTHENTICATED', message: 'sign in or send "Authorization: Bearer <token>"' },
};
const UNKNOWN_TOKEN = { error: { code: 'UNAUTHENTICATED', message: 'the token is unknown, revoked or expired' } };

const CAPABILITY = { name: 'golden-ci', owner: 'platform-ci', lifecycle: 'ga' };
const TEAM = { name: 'payments' };
const SERVICE = { name: 'ledger', type: 'service', lifecycle: 'production', owner: 'payments' };
const YAML_TEAM =
  'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: qa }\nspec: { type: team, children: [] }\n';

async function issue(name: string, role: 'admin' | 'member' | 'viewer') {
  const res = await t.call('POST', '/api/v1/tokens', { body: { name, role } });
  expect(res.status).toBe(201);
  return res.body as { id: number; token: string };
}

async function signIn(token: string, url = 'http://localhost/api/v1/session') {
  const res = await t.app.request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  return { res, setCookie: res.headers.get('set-cookie') ?? '' };
}

/** `name=value` of a Set-Cookie header, to send back as a Cookie header. */
const cookiePair = (setCookie: string) => setCookie.split(';')[0] ?? '';

/** As the browser sends it from Paved's own page (writes need it: see cross-site.test.ts). */
async function withCookie(method: string, path: string, cookie: string) {
  const res = await t.app.request(path, { method, headers: { cookie, 'sec-fetch-site': 'same-origin' } });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, setCookie: res.headers.get('set-cookie') };
}

// The HTTP tests share one app, closed before the ensureAdminToken tests open their own empty databases: on
// the PostgreSQL server, test/db.ts cannot migrate a second schema while another one exists.
describe('over HTTP', () => {
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  describe('authentication', () => {
    it('leaves /api/health open', async () => {
      expect(await t.call('GET', '/api/health', { role: null })).toEqual({ status: 200, body: { status: 'ok' } });
    });

    it('answers 401 UNAUTHENTICATED on every /api/v1 route of the OpenAPI document without a token', async () => {
      const doc = (await t.call('GET', '/api/openapi.json', { role: null })).body as {
        paths: Record<string, Record<string, Record<string, unknown>>>;
      };
      const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, access: op[ACCESS_FIELD] })),
      );
      // Open by design: sign-in, and the survey links that carry their own credential.
      const v1 = routes.filter((r) => r.path.startsWith('/api/v1/') && r.access !== 'public' && r.access !== 'secret');
      // Every route the brief names is in the document (later modules add more), so this loop covers them all.
      expect(v1.map((r) => `${r.method} ${r.path}`)).toEqual(
        expect.arrayContaining([
          'DELETE /api/v1/session',
          'DELETE /api/v1/tokens/{id}',
          'GET /api/v1/capabilities',
          'GET /api/v1/capabilities/{name}',
          'GET /api/v1/imports',
          'GET /api/v1/imports/{id}',
          'GET /api/v1/me',
          'GET /api/v1/overview',
          'GET /api/v1/search',
          'GET /api/v1/services',
          'GET /api/v1/services/{name}',
          'GET /api/v1/teams',
          'GET /api/v1/teams/{name}',
          'GET /api/v1/tokens',
          'PATCH /api/v1/capabilities/{name}',
          'PATCH /api/v1/services/{name}',
          'PATCH /api/v1/teams/{name}',
          'POST /api/v1/capabilities',
          'POST /api/v1/imports/backstage',
          'POST /api/v1/services',
          'POST /api/v1/teams',
          'POST /api/v1/tokens',
        ]),
      );
      for (const { method, path } of v1) {
        const concrete = path.replace('{id}', '1').replace('{name}', 'payments');
        const body = method === 'GET' || method === 'DELETE' ? undefined : {};
        const res = await t.call(method, `${concrete}${path.endsWith('/search') ? '?q=x' : ''}`, { role: null, body });
        expect({ route: `${method} ${path}`, ...res }).toEqual({
          route: `${method} ${path}`,
          status: 401,
          body: UNAUTHENTICATED,
        });
      }
      // An unknown route does not reveal that it is unknown before the caller is authenticated.
      expect(await t.call('GET', '/api/v1/no-such-thing', { role: null })).toEqual({
        status: 401,
        body: UNAUTHENTICATED,
      });
    });

    it('refuses a wrong token and a header that is not a bearer token', async () => {
      expect(
        await t.call('GET', '/api/v1/me', { role: null, headers: { authorization: 'Bearer pvd_not-a-real-token' } }),
      ).toEqual({ status: 401, body: UNKNOWN_TOKEN });
      // A token that differs from a real one in its last character is still wrong.
      const almost = `${t.tokens.viewer.slice(0, -1)}${t.tokens.viewer.endsWith('A') ? 'B' : 'A'}`;
      expect(
        (await t.call('GET', '/api/v1/me', { role: null, headers: { authorization: `Bearer ${almost}` } })).status,
      ).toBe(401);
      expect(
        await t.call('GET', '/api/v1/me', { role: null, headers: { authorization: `Basic ${t.tokens.admin}` } }),
      ).toEqual({
        status: 401,
        body: { error: { code: 'UNAUTHENTICATED', message: 'Authorization header must be "Bearer <token>"' } },
      });
    });

    it('knows who calls with each role', async () => {
      for (const role of ['admin', 'member', 'viewer'] as const) {
        expect(await t.call('GET', '/api/v1/me', { role })).toEqual({
          status: 200,
          body: {
            name: `test-${role}`,
            role,
            orgAdmin: role === 'admin',
            person: null,
            teams: [],
            via: 'token',
            displayName: null,
            email: null,
          },
        });
      }
    });

    it('credits the OS user the CLI names only with the local CLI token, and only as cli:<user>', async () => {
      const local = await issueLocalCliToken(t.database.db);
      const me = (token: string, actor: string) =>
        t.call('GET', '/api/v1/me', {
          role: null,
          headers: { authorization: `Bearer ${token}`, [ACTOR_HEADER]: actor },
        });
      expect((await me(local, 'cli:alice')).body).toEqual({
        name: 'cli:alice',
        role: 'admin',
        orgAdmin: true,
        person: null,
        teams: [],
        via: 'token',
        displayName: null,
        email: null,
      });
      expect((await me(local, 'test-viewer')).body.name).toBe('local-cli');
      expect((await me(local, 'cli:alice bob')).body.name).toBe('local-cli');
      // Any other token is credited by its own name, whatever it claims.
      expect((await me(t.tokens.admin, 'cli:alice')).body.name).toBe('test-admin');
      const imported = await t.call('POST', '/api/v1/imports/backstage', {
        role: null,
        headers: { authorization: `Bearer ${local}`, [ACTOR_HEADER]: 'cli:alice' },
        body: { files: [{ path: 'qa.yaml', content: YAML_TEAM }], source: 'actor-test' },
      });
      expect(imported.status).toBe(200);
      const record = await t.database.db
        .selectFrom('imports')
        .select('requested_by')
        .where('id', '=', imported.body.id)
        .executeTakeFirstOrThrow();
      expect(record.requested_by).toBe('cli:alice');
      // Put back as it was: the roles tests below expect an empty catalog and the three test tokens only.
      await t.database.db.deleteFrom('entity_events').execute();
      await t.database.db.deleteFrom('entities').execute();
      await t.database.db.deleteFrom('imports').execute();
      await t.database.db.deleteFrom('api_tokens').where('name', '=', 'local-cli').execute();
    });
  });

  describe('API tokens', () => {
    it('returns the secret once, stores only its hash, and never lists it', async () => {
      const created = await t.call('POST', '/api/v1/tokens', {
        body: { name: 'ci-events', role: 'member', scopes: ['events:write'] },
      });
      expect(created.status).toBe(201);
      const { token, id } = created.body as { token: string; id: number };
      expect(created.body).toEqual({
        id,
        name: 'ci-events',
        role: 'member',
        scopes: ['events:write'],
        person: null,
        token,
      });
      expect(token).toMatch(/^pvd_[A-Za-z0-9_-]{43}$/);

      // The secret works, as the member it was issued for.
      expect(await t.call('GET', '/api/v1/me', { role: null, headers: { authorization: `Bearer ${token}` } })).toEqual({
        status: 200,
        body: {
          name: 'ci-events',
          role: 'member',
          orgAdmin: false,
          person: null,
          teams: [],
          via: 'token',
          displayName: null,
          email: null,
        },
      });

      const rows = await t.database.db.selectFrom('api_tokens').selectAll().orderBy('id').execute();
      expect(rows.map((r) => r.name)).toEqual(['test-admin', 'test-member', 'test-viewer', 'ci-events']);
      const stored = JSON.stringify(rows);
      for (const secret of [token, t.tokens.admin, t.tokens.member, t.tokens.viewer]) {
        expect(stored).not.toContain(secret);
        expect(stored).not.toContain(secret.slice(4)); // not even without its prefix
      }
      expect(rows.find((r) => r.id === id)?.token_hash).toBe(sha256(token));
      expect(rows.find((r) => r.id === id)?.created_by).toBe('test-admin');

      const list = await t.call('GET', '/api/v1/tokens');
      expect(list.status).toBe(200);
      const listed = (list.body.items as { name: string }[]).find((i) => i.name === 'ci-events');
      expect(listed).toEqual({
        id,
        name: 'ci-events',
        role: 'member',
        scopes: ['events:write'],
        team: null,
        person: null,
        createdBy: 'test-admin',
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        lastUsedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), // it was used by GET /me above
        revokedAt: null,
      });
      const text = JSON.stringify(list.body);
      expect(text).not.toContain(token);
      expect(text).not.toContain(sha256(token));
      expect((list.body.items as object[]).every((i) => !('token' in i) && !('tokenHash' in i))).toBe(true);
    });

    it('revokes a token: it then gets 401, and revoking it again is 404', async () => {
      const { id, token } = await issue('short-lived', 'viewer');
      const bearer = { role: null, headers: { authorization: `Bearer ${token}` } };
      expect((await t.call('GET', '/api/v1/teams', bearer)).status).toBe(200);

      expect(await t.call('DELETE', `/api/v1/tokens/${id}`)).toEqual({ status: 204, body: null });
      expect(await t.call('GET', '/api/v1/teams', bearer)).toEqual({ status: 401, body: UNKNOWN_TOKEN });
      const listed = (await t.call('GET', '/api/v1/tokens')).body.items.find((i: { id: number }) => i.id === id);
      expect(listed.revokedAt).toMatch(/^\d{4}-\d\d-\d\dT/);

      expect(await t.call('DELETE', `/api/v1/tokens/${id}`)).toEqual({
        status: 404,
        body: { error: { code: 'NOT_FOUND', message: `active token ${id} not found` } },
      });
      expect((await t.call('DELETE', '/api/v1/tokens/99999')).status).toBe(404);
      // The other tokens are untouched.
      expect((await t.call('GET', '/api/v1/me', { role: 'viewer' })).status).toBe(200);
    });

    it('lets only admins issue, list and revoke tokens', async () => {
      const { id } = await issue('target', 'viewer');
      for (const role of ['member', 'viewer'] as const) {
        const forbidden = {
          status: 403,
          body: { error: { code: 'FORBIDDEN', message: 'this needs an organisation admin' } },
        };
        expect(await t.call('POST', '/api/v1/tokens', { role, body: { name: 'sneaky', role: 'admin' } })).toEqual(
          forbidden,
        );
        expect(await t.call('GET', '/api/v1/tokens', { role })).toEqual(forbidden);
        expect(await t.call('DELETE', `/api/v1/tokens/${id}`, { role })).toEqual(forbidden);
      }
      const names = await t.database.db.selectFrom('api_tokens').select('name').where('name', '=', 'sneaky').execute();
      expect(names).toEqual([]);
      const target = await t.database.db
        .selectFrom('api_tokens')
        .select('revoked_at')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(target.revoked_at).toBeNull();
    });

    it('validates a new token', async () => {
      expect(await t.call('POST', '/api/v1/tokens', { body: { name: 'x', role: 'owner' } })).toMatchObject({
        status: 400,
        body: { error: { code: 'VALIDATION_FAILED', details: [{ field: 'role' }] } },
      });
      expect(await t.call('POST', '/api/v1/tokens', { body: { name: 'x', role: 'viewer', token: 'chosen' } })).toEqual({
        status: 400,
        body: {
          error: {
            code: 'VALIDATION_FAILED',
            message: 'token: unknown field',
            details: [{ field: 'token', reason: 'unknown field' }],
          },
        },
      });
    });
  });

  describe('sessions', () => {
    it('signs in with a token: an HttpOnly SameSite=Lax cookie that authenticates /me', async () => {
      const { res, setCookie } = await signIn(t.tokens.member);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        name: 'test-member',
        role: 'member',
        orgAdmin: false,
        person: null,
        teams: [],
        via: 'session',
        displayName: null,
        email: null,
      });

      const attributes = setCookie.split(';').map((s) => s.trim());
      expect(attributes[0]).toMatch(/^paved_session=pvs_[A-Za-z0-9_-]{43}$/);
      expect(attributes).toContain('HttpOnly');
      expect(attributes).toContain('SameSite=Lax');
      expect(attributes).toContain('Path=/');
      expect(attributes).not.toContain('Secure'); // plain http in this test
      const expires = attributes.find((a) => a.startsWith('Expires='));
      const days = (Date.parse(expires?.slice('Expires='.length) ?? '') - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(6.99);
      expect(days).toBeLessThanOrEqual(7);

      const cookie = cookiePair(setCookie);
      expect(await withCookie('GET', '/api/v1/me', cookie)).toMatchObject({
        status: 200,
        body: { name: 'test-member', role: 'member', via: 'session' },
      });
      // The session carries the role: a member session cannot do admin things.
      expect((await withCookie('GET', '/api/v1/tokens', cookie)).status).toBe(403);

      // Only the hash of the session id is stored.
      const sessionId = cookie.slice('paved_session='.length);
      const rows = await t.database.db.selectFrom('sessions').selectAll().execute();
      expect(JSON.stringify(rows)).not.toContain(sessionId);
      expect(rows.map((r) => r.id_hash)).toContain(sha256(sessionId));
    });

    it('marks the cookie Secure when PAVED_PUBLIC_URL is https, also behind a TLS proxy (finding 10)', async () => {
      // The proxy speaks plain http to Paved and says X-Forwarded-Proto: the public URL decides, not the request's.
      const behindProxy = buildApp({
        db: t.database.db,
        logger: silentLogger,
        auth: { ...DEFAULT_AUTH_SETTINGS, publicUrl: 'https://paved.example.com' },
      });
      const res = await behindProxy.request('http://10.0.0.5:7700/api/v1/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
        body: JSON.stringify({ token: t.tokens.viewer }),
      });
      expect(res.status).toBe(200);
      expect((res.headers.get('set-cookie') ?? '').split(';').map((s) => s.trim())).toContain('Secure');
      // Without a public URL, a request that arrived over https is enough.
      const direct = await signIn(t.tokens.viewer, 'https://paved.example.com/api/v1/session');
      expect(direct.setCookie.split(';').map((s) => s.trim())).toContain('Secure');
    });

    it('refuses to sign in with a wrong token or a malformed body', async () => {
      const { res, setCookie } = await signIn('pvd_wrong');
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual(UNKNOWN_TOKEN);
      expect(setCookie).toBe('');
      expect((await t.call('POST', '/api/v1/session', { role: null, body: {} })).status).toBe(400);
    });

    it('signs out: DELETE /session ends the session but not the token', async () => {
      const { setCookie } = await signIn(t.tokens.viewer);
      const cookie = cookiePair(setCookie);
      expect((await withCookie('GET', '/api/v1/me', cookie)).status).toBe(200);

      const out = await withCookie('DELETE', '/api/v1/session', cookie);
      expect(out.status).toBe(204);
      expect(out.setCookie).toMatch(/^paved_session=; Max-Age=0; Path=\//);

      expect(await withCookie('GET', '/api/v1/me', cookie)).toMatchObject({ status: 401, body: UNAUTHENTICATED });
      expect((await t.call('GET', '/api/v1/me', { role: 'viewer' })).status).toBe(200);
    });

    it('ends the sessions opened with a token when that token is revoked', async () => {
      const { id, token } = await issue('laptop', 'member');
      const cookie = cookiePair((await signIn(token)).setCookie);
      expect((await withCookie('GET', '/api/v1/me', cookie)).status).toBe(200);
      expect((await t.call('DELETE', `/api/v1/tokens/${id}`)).status).toBe(204);
      expect((await withCookie('GET', '/api/v1/me', cookie)).status).toBe(401);
    });

    it('keeps the scopes of the token a session was opened with (finding 11: events:write was lost)', async () => {
      const post = async (token: string) => {
        const cookie = cookiePair((await signIn(token)).setCookie);
        const res = await t.app.request('/api/v1/events', {
          method: 'POST',
          headers: { cookie, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
          body: '[]',
        });
        return { status: res.status, code: ((await res.json()) as { error?: { code: string } }).error?.code };
      };
      const scoped = await t.call('POST', '/api/v1/tokens', {
        body: { name: 'events-bot', role: 'member', scopes: ['events:write'] },
      });
      expect(await post(scoped.body.token)).toEqual({ status: 200, code: undefined });
      expect(await post(t.tokens.member)).toEqual({ status: 403, code: 'FORBIDDEN' });
    });

    it('refuses a made-up session cookie', async () => {
      expect(await withCookie('GET', '/api/v1/me', 'paved_session=pvs_made-up')).toMatchObject({
        status: 401,
        body: UNAUTHENTICATED,
      });
    });
  });

  describe('roles', () => {
    const writes: { method: string; path: string; body: unknown }[] = [
      { method: 'POST', path: '/api/v1/capabilities', body: CAPABILITY },
      { method: 'PATCH', path: '/api/v1/capabilities/golden-ci', body: { description: 'changed' } },
      { method: 'POST', path: '/api/v1/teams', body: TEAM },
      { method: 'PATCH', path: '/api/v1/teams/payments', body: { description: 'changed' } },
      { method: 'POST', path: '/api/v1/services', body: SERVICE },
      { method: 'PATCH', path: '/api/v1/services/ledger', body: { description: 'changed' } },
      { method: 'POST', path: '/api/v1/imports/backstage', body: { files: [{ path: 'qa.yaml', content: YAML_TEAM }] } },
    ];

    it('forbids members and viewers to write the catalog or import, and stores nothing', async () => {
      for (const role of ['member', 'viewer'] as const) {
        for (const w of writes) {
          const res = await t.call(w.method, w.path, { role, body: w.body });
          expect({ route: `${role} ${w.method} ${w.path}`, ...res }).toEqual({
            route: `${role} ${w.method} ${w.path}`,
            status: 403,
            body: {
              error: {
                code: 'FORBIDDEN',
                message: expect.stringMatching(/organisation admin|platform team that owns/),
              },
            },
          });
        }
        const yaml = await t.call('POST', '/api/v1/imports/backstage', {
          role,
          body: YAML_TEAM,
          headers: { 'content-type': 'application/yaml' },
        });
        expect(yaml.status).toBe(403);
        const url = await t.call('POST', '/api/v1/imports/backstage', {
          role,
          body: { url: 'https://backstage.example.com' },
        });
        expect(url.status).toBe(403);
      }
      const counts = await Promise.all(
        (['entities', 'imports', 'jobs'] as const).map((table) =>
          t.database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow(),
        ),
      );
      expect(counts.map((c) => c.n)).toEqual([0, 0, 0]);
    });

    it('lets the admin do the same writes, and everyone read them', async () => {
      expect((await t.call('POST', '/api/v1/teams', { body: TEAM })).status).toBe(201);
      expect((await t.call('POST', '/api/v1/teams', { body: { name: 'platform-ci' } })).status).toBe(201);
      expect((await t.call('POST', '/api/v1/services', { body: SERVICE })).status).toBe(201);
      expect((await t.call('POST', '/api/v1/capabilities', { body: CAPABILITY })).status).toBe(201);
      for (const w of writes.filter((w) => w.method === 'PATCH'))
        expect((await t.call(w.method, w.path, { body: w.body })).status).toBe(200);
      expect(
        (
          await t.call('POST', '/api/v1/imports/backstage', {
            body: { files: [{ path: 'qa.yaml', content: YAML_TEAM }], source: 'roles' },
          })
        ).status,
      ).toBe(200);

      for (const role of ['member', 'viewer'] as const) {
        expect(
          (await t.call('GET', '/api/v1/teams', { role })).body.items.map((i: { name: string }) => i.name),
        ).toEqual(['payments', 'platform-ci', 'qa']);
        expect((await t.call('GET', '/api/v1/teams/payments', { role })).body.team.description).toBe('changed');
        expect(
          (await t.call('GET', '/api/v1/services', { role })).body.items.map((i: { name: string }) => i.name),
        ).toEqual(['ledger']);
        expect((await t.call('GET', '/api/v1/services/ledger', { role })).body.service.description).toBe('changed');
        expect(
          (await t.call('GET', '/api/v1/capabilities', { role })).body.items.map((i: { name: string }) => i.name),
        ).toEqual(['golden-ci']);
        expect((await t.call('GET', '/api/v1/capabilities/golden-ci', { role })).body.capability.description).toBe(
          'changed',
        );
        expect(
          (await t.call('GET', '/api/v1/search?q=ledger', { role })).body.items.map((i: { ref: string }) => i.ref),
        ).toEqual(['component:default/ledger']);
        expect((await t.call('GET', '/api/v1/overview', { role })).body).toMatchObject({
          services: 1,
          capabilities: 1,
          customerTeams: 1,
          platformTeams: 1,
        });
        expect((await t.call('GET', '/api/v1/imports', { role })).body.items).toHaveLength(1);
      }
    });
  });
});

describe('ensureAdminToken', () => {
  it('with a configured token: that token works and no secret is generated', async () => {
    const database = await createTestDatabase();
    try {
      const configured = 'pvd_configured-admin-token-from-the-environment';
      expect(await ensureAdminToken(database.db, configured)).toEqual({ generated: null });
      expect(await ensureAdminToken(database.db, configured)).toEqual({ generated: null });
      const rows = await database.db.selectFrom('api_tokens').selectAll().execute();
      expect(
        rows.map((r) => ({ name: r.name, role: r.role, hash: r.token_hash, by: r.created_by, revoked: r.revoked_at })),
      ).toEqual([
        { name: 'bootstrap-admin', role: 'admin', hash: sha256(configured), by: 'environment', revoked: null },
      ]);

      const app = buildApp({ db: database.db, logger: silentLogger });
      const me = await app.request('/api/v1/me', { headers: { authorization: `Bearer ${configured}` } });
      expect(me.status).toBe(200);
      expect(await me.json()).toEqual({
        name: 'bootstrap-admin',
        role: 'admin',
        orgAdmin: true,
        person: null,
        teams: [],
        via: 'token',
        displayName: null,
        email: null,
      });

      // Changing the configured token replaces the old one, which stops working.
      const next = 'pvd_rotated-admin-token';
      expect(await ensureAdminToken(database.db, next)).toEqual({ generated: null });
      expect(await authenticateToken(database.db, configured)).toBeNull();
      expect(await authenticateToken(database.db, next)).toMatchObject({ name: 'bootstrap-admin', role: 'admin' });
      const active = await database.db
        .selectFrom('api_tokens')
        .select('token_hash')
        .where('revoked_at', 'is', null)
        .execute();
      expect(active).toEqual([{ token_hash: sha256(next) }]);
    } finally {
      await database.close();
    }
  });

  it('without one: generates an admin token once, and a second call generates none', async () => {
    const database = await createTestDatabase();
    try {
      const first = await ensureAdminToken(database.db, null);
      expect(first.generated).toMatch(/^pvd_[A-Za-z0-9_-]{43}$/);
      expect(await ensureAdminToken(database.db, null)).toEqual({ generated: null });
      const rows = await database.db.selectFrom('api_tokens').selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        name: 'bootstrap-admin',
        role: 'admin',
        created_by: 'first start',
        token_hash: sha256(first.generated ?? ''),
      });
      expect(JSON.stringify(rows)).not.toContain(first.generated);
      expect(await authenticateToken(database.db, first.generated ?? '')).toMatchObject({
        role: 'admin',
        name: 'bootstrap-admin',
      });
    } finally {
      await database.close();
    }
  });

  it('refuses to bring back a configured token an admin has revoked', async () => {
    const database = await createTestDatabase();
    try {
      const configured = 'pvd_leaked-admin-token';
      await ensureAdminToken(database.db, configured);
      const row = await database.db.selectFrom('api_tokens').select('id').executeTakeFirstOrThrow();
      const app = buildApp({ db: database.db, logger: silentLogger });
      const revoke = await app.request(`/api/v1/tokens/${row.id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${configured}` },
      });
      expect(revoke.status).toBe(204);

      await expect(ensureAdminToken(database.db, configured)).rejects.toThrow(
        'PAVED_ADMIN_TOKEN was revoked; configure a new token',
      );
      expect(await authenticateToken(database.db, configured)).toBeNull();

      // Rotating back to an earlier token is refused too, and the current one keeps working.
      const current = 'pvd_current-admin-token';
      expect(await ensureAdminToken(database.db, current)).toEqual({ generated: null });
      await expect(ensureAdminToken(database.db, configured)).rejects.toThrow(
        'PAVED_ADMIN_TOKEN was revoked; configure a new token',
      );
      expect(await authenticateToken(database.db, current)).toMatchObject({ name: 'bootstrap-admin', role: 'admin' });
    } finally {
      await database.close();
    }
  });
});
