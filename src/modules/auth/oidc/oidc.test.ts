import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { CookieJar, loginAtProvider, startTestProvider, type TestProvider } from '../../../../test/oidc-provider.js';
import { DEFAULT_AUTH_SETTINGS, type AuthSettings } from '../../../http/auth-settings.js';
import { silentLogger } from '../../../http/logger.js';
import { buildApp, type App } from '../../../server/app.js';

// The catalog: payments and checkout are customer teams (own services), platform-ci a platform team (owns a
// capability). jane is in payments (by her memberOf), pat in platform-ci (named by the group's spec.members).
const CATALOG = `
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: payments, title: Payments }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: checkout }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: platform-ci }
spec: { type: team, children: [], members: [pat] }
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: jane, title: Jane Doe }
spec: { profile: { email: Jane.Doe@Example.com }, memberOf: [payments] }
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: pat }
spec: { profile: { email: pat@example.com }, memberOf: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: ledger }
spec: { type: service, lifecycle: production, owner: payments }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: cart }
spec: { type: service, lifecycle: production, owner: checkout }
---
apiVersion: paved.dev/v1alpha1
kind: Capability
metadata: { name: golden-ci }
spec: { owner: platform-ci, lifecycle: ga }
`;

const PUBLIC_URL = 'http://paved.test';
const REDIRECT_URI = `${PUBLIC_URL}/auth/callback`;

let t: TestApp;
let provider: TestProvider;
let settings: AuthSettings;

/** A Paved with these sign-in settings on the test's database. */
const appWith = (overrides: Partial<AuthSettings> = {}): App =>
  buildApp({ db: t.database.db, logger: silentLogger, auth: { ...settings, ...overrides } });

interface SignIn {
  /** The callback's answer. */
  res: Response;
  /** `paved_session=…`, when a session was opened. */
  cookie: string | null;
}

/** The whole flow as a browser does it: Paved's login redirect, the provider's login and consent, the callback. */
async function signIn(app: App, accountId: string, returnTo = '/capabilities/golden-ci'): Promise<SignIn> {
  const paved = new CookieJar();
  const start = await app.request(`/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
  expect(start.status).toBe(302);
  paved.take(start.headers);
  const back = await loginAtProvider(start.headers.get('location') ?? '', REDIRECT_URI, accountId);
  const res = await app.request(`${back.pathname}${back.search}`, { headers: { cookie: paved.header() } });
  paved.take(res.headers);
  const session = paved.get('paved_session');
  return { res, cookie: session ? `paved_session=${session}` : null };
}

async function get(app: App, path: string, cookie: string | null) {
  const res = await app.request(path, { headers: cookie ? { cookie } : {} });
  const text = await res.text();
  return { status: res.status, body: text.startsWith('{') ? JSON.parse(text) : text };
}

async function post(app: App, path: string, cookie: string, body: unknown) {
  const res = await app.request(path, {
    method: 'POST',
    // As Paved's own page sends it: cookie writes from elsewhere are refused (cross-site.test.ts).
    headers: { cookie, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

beforeAll(async () => {
  provider = await startTestProvider(REDIRECT_URI, {
    jane: { email: 'jane.doe@example.com', name: 'Jane' },
    pat: { email: 'PAT@example.com', groups: ['engineering'] },
    uma: { email: 'uma@example.com' },
    ada: { email: 'ada@example.com' },
    gil: { email: 'gil@example.com', groups: ['engineering', 'paved-admins'] },
    eve: { email: 'eve@example.com', email_verified: false },
  });
  settings = {
    ...DEFAULT_AUTH_SETTINGS,
    publicUrl: PUBLIC_URL,
    admins: ['ada@example.com'],
    oidc: {
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      scopes: 'openid email profile groups',
      groupsClaim: 'groups',
      adminGroups: ['paved-admins'],
    },
  };
  t = await createTestApp({ auth: settings });
  const imported = await t.call('POST', '/api/v1/imports/backstage', {
    body: { files: [{ path: 'catalog-info.yaml', content: CATALOG }], source: 'people' },
  });
  expect(imported.status).toBe(200);
});

afterAll(async () => {
  await t?.close();
  await provider?.close();
});

describe('sign-in through the identity provider', () => {
  it('says on the public sign-in config that a provider is there', async () => {
    expect(await get(t.app, '/api/v1/auth-config', null)).toEqual({
      status: 200,
      body: { oidc: true, loginUrl: '/auth/login' },
    });
    expect(await get(appWith({ oidc: null }), '/api/v1/auth-config', null)).toEqual({
      status: 200,
      body: { oidc: false, loginUrl: null },
    });
  });

  it('signs a catalog User in by email (any case), with their teams, back on the page they came from', async () => {
    const { res, cookie } = await signIn(t.app, 'jane');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/capabilities/golden-ci');
    const attributes = (res.headers.get('set-cookie') ?? '').split(/[;,]/).map((a) => a.trim());
    expect(attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Path=/']));
    expect(attributes).not.toContain('Secure'); // PAVED_PUBLIC_URL is http here
    expect(await get(t.app, '/api/v1/me', cookie)).toEqual({
      status: 200,
      body: {
        name: 'jane',
        role: 'member',
        orgAdmin: false,
        person: 'user:default/jane',
        teams: ['group:default/payments'],
        via: 'session',
        displayName: 'Jane Doe',
        email: 'Jane.Doe@Example.com', // as the catalog spells it
      },
    });
    const stored = await t.database.db
      .selectFrom('sessions')
      .select(['method', 'person_ref', 'person_email', 'token_id'])
      .where('method', '=', 'oidc')
      .execute();
    expect(stored).toEqual([
      { method: 'oidc', person_ref: 'user:default/jane', person_email: 'jane.doe@example.com', token_id: null },
    ]);
    // The pending sign-in (verifier, state, nonce) is used once and gone.
    expect(await t.database.db.selectFrom('oidc_logins').selectAll().execute()).toEqual([]);
  });

  it("gives a member their team's rights: declares for payments, not for checkout", async () => {
    const { cookie } = await signIn(t.app, 'jane');
    const declare = (team: string) =>
      post(t.app, '/api/v1/capabilities/golden-ci/declarations', cookie ?? '', {
        team,
        status: 'using',
        date: '2025-02-01',
      });
    expect((await declare('payments')).status).toBe(201);
    expect(await declare('checkout')).toEqual({
      status: 403,
      body: {
        error: {
          code: 'FORBIDDEN',
          message: 'you write for your own teams only (group:default/payments); this is for group:default/checkout',
        },
      },
    });
    expect((await get(t.app, '/api/v1/tokens', cookie)).status).toBe(403);
  });

  it('makes a platform team member admin of their team (spec.members), not an organisation admin', async () => {
    const { cookie } = await signIn(t.app, 'pat');
    expect((await get(t.app, '/api/v1/me', cookie)).body).toMatchObject({
      person: 'user:default/pat',
      role: 'admin',
      orgAdmin: false,
      teams: ['group:default/platform-ci'],
    });
    expect((await get(t.app, '/api/v1/tokens', cookie)).status).toBe(403);
  });

  it('makes PAVED_ADMINS and the admin group organisation admins, in the catalog or not', async () => {
    for (const account of ['ada', 'gil']) {
      const { cookie } = await signIn(t.app, account);
      expect((await get(t.app, '/api/v1/me', cookie)).body).toMatchObject({
        person: null,
        role: 'admin',
        orgAdmin: true,
        teams: [],
        name: `${account}@example.com`,
      });
      expect((await get(t.app, '/api/v1/tokens', cookie)).status).toBe(200);
    }
  });

  it('gives someone the catalog does not know the default role, or refuses them with none', async () => {
    const viewer = await signIn(t.app, 'uma');
    expect((await get(t.app, '/api/v1/me', viewer.cookie)).body).toMatchObject({
      person: null,
      role: 'viewer',
      orgAdmin: false,
      teams: [],
    });
    const member = await signIn(appWith({ defaultRole: 'member' }), 'uma');
    // The default role applies on each request, as configured now.
    const asMember = appWith({ defaultRole: 'member' });
    expect((await get(asMember, '/api/v1/me', member.cookie)).body).toMatchObject({ role: 'member', teams: [] });

    const strict = appWith({ defaultRole: 'none' });
    const refused = await signIn(strict, 'uma');
    expect(refused.res.status).toBe(403);
    expect(refused.cookie).toBeNull();
    expect(await refused.res.text()).toContain(
      'Paved does not know uma@example.com: only people in the catalog (a User with this email in spec.profile.email) may sign in.',
    );
    // Sessions opened before the setting changed end with it.
    expect((await get(strict, '/api/v1/me', viewer.cookie)).status).toBe(401);
    // A catalog User still gets in.
    expect((await signIn(strict, 'jane')).res.status).toBe(302);
  });

  it('refuses an email the provider says is not verified', async () => {
    const { res, cookie } = await signIn(t.app, 'eve');
    expect(res.status).toBe(401);
    expect(cookie).toBeNull();
    expect(await res.text()).toContain('the identity provider says your email eve@example.com is not verified');
  });

  it('returns only to a page of this app', async () => {
    for (const evil of ['//evil.example.com/x', 'https://evil.example.com', '/\\evil.example.com']) {
      const { res } = await signIn(t.app, 'jane', evil);
      expect(res.headers.get('location')).toBe('/');
    }
  });
});

describe('a tampered or replayed callback', () => {
  /** Starts a sign-in and lets the provider send the browser back, without calling Paved's callback yet. */
  async function startAndLogin(account = 'jane') {
    const paved = new CookieJar();
    const start = await t.app.request('/auth/login');
    paved.take(start.headers);
    const back = await loginAtProvider(start.headers.get('location') ?? '', REDIRECT_URI, account);
    return { back, cookie: paved.header() };
  }

  it('refuses a wrong state with 400 and opens no session', async () => {
    const { back, cookie } = await startAndLogin();
    back.searchParams.set('state', 'forged-state');
    const res = await t.app.request(`${back.pathname}${back.search}`, { headers: { cookie } });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('text/html');
    const page = await res.text();
    expect(page).toContain('data-error-code="VALIDATION_FAILED"');
    expect(page).toContain('the sign-in&#39;s state does not match the one Paved sent: start again');
    expect(res.headers.get('set-cookie') ?? '').not.toContain('paved_session=pvs_');
  });

  it('refuses a callback from a browser that started no sign-in (login CSRF), and a replay', async () => {
    const { back, cookie } = await startAndLogin();
    const path = `${back.pathname}${back.search}`;
    const stranger = await t.app.request(path);
    expect(stranger.status).toBe(400);
    expect(await stranger.text()).toContain('no sign-in was started in this browser');
    expect((await t.app.request(path, { headers: { cookie } })).status).toBe(302);
    const replay = await t.app.request(path, { headers: { cookie } });
    expect(replay.status).toBe(400);
  });

  it('refuses an ID token whose nonce is not the one this sign-in sent', async () => {
    const { back, cookie } = await startAndLogin();
    await t.database.db.updateTable('oidc_logins').set({ nonce: 'another-nonce' }).execute();
    const res = await t.app.request(`${back.pathname}${back.search}`, { headers: { cookie } });
    expect(res.status).toBe(401);
    expect(await res.text()).toMatch(/the sign-in could not be verified: .*&quot;nonce&quot;/);
  });

  it('refuses an error the provider sends back (access denied)', async () => {
    const paved = new CookieJar();
    const start = await t.app.request('/auth/login');
    paved.take(start.headers);
    const state = new URL(start.headers.get('location') ?? '').searchParams.get('state') ?? '';
    const query = new URLSearchParams({ error: 'access_denied', error_description: 'End-User aborted', state });
    query.set('iss', provider.issuer);
    const res = await t.app.request(`/auth/callback?${query}`, { headers: { cookie: paved.header() } });
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('the identity provider refused the sign-in: End-User aborted');
  });
});

describe('sessions of people', () => {
  it('end after the idle time and after the absolute time', async () => {
    const idle = await signIn(t.app, 'jane');
    const absolute = await signIn(t.app, 'jane');
    expect((await get(t.app, '/api/v1/me', idle.cookie)).status).toBe(200);
    const hash = async (cookie: string | null) => {
      const { createHash } = await import('node:crypto');
      return createHash('sha256')
        .update(cookie?.split('=')[1] ?? '')
        .digest('hex');
    };
    await t.database.db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - 12 * 3600_000 - 60_000) })
      .where('id_hash', '=', await hash(idle.cookie))
      .execute();
    expect((await get(t.app, '/api/v1/me', idle.cookie)).status).toBe(401);
    await t.database.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id_hash', '=', await hash(absolute.cookie))
      .execute();
    expect((await get(t.app, '/api/v1/me', absolute.cookie)).status).toBe(401);
    // The cookie's own expiry is the absolute one: 7 days by default.
    const expires = (absolute.res.headers.get('set-cookie') ?? '').match(/Expires=([^;]+)/)?.[1] ?? '';
    expect((Date.parse(expires) - Date.now()) / 86_400_000).toBeCloseTo(7, 1);
  });

  it('follow team changes at once, and end when the person leaves the catalog', async () => {
    const { cookie } = await signIn(t.app, 'jane');
    const personal = await post(t.app, '/api/v1/me/tokens', cookie ?? '', { name: 'laptop' });
    expect(personal.status).toBe(201);
    const bearer = { authorization: `Bearer ${personal.body.token}` };
    // jane moves to checkout too: her session has both teams on the next request.
    const moved = CATALOG.replace('memberOf: [payments]', 'memberOf: [payments, checkout]');
    const reimport = (content: string) =>
      t.call('POST', '/api/v1/imports/backstage', {
        body: { files: [{ path: 'catalog-info.yaml', content }], source: 'people' },
      });
    expect((await reimport(moved)).status).toBe(200);
    expect((await get(t.app, '/api/v1/me', cookie)).body.teams).toEqual([
      'group:default/checkout',
      'group:default/payments',
    ]);
    // jane leaves: her User is gone from the source, so orphaned; the session and her personal token stop.
    const without = moved.replace(
      /---\napiVersion: backstage.io\/v1alpha1\nkind: User\nmetadata: \{ name: jane[^]*?(?=---)/,
      '',
    );
    expect(without).not.toContain('name: jane');
    expect((await reimport(without)).status).toBe(200);
    expect((await get(t.app, '/api/v1/me', cookie)).status).toBe(401);
    expect((await t.app.request('/api/v1/me', { headers: bearer })).status).toBe(401);
    const revoked = await t.database.db
      .selectFrom('sessions')
      .select('revoked_at')
      .where('person_ref', '=', 'user:default/jane')
      .where('revoked_at', 'is not', null)
      .execute();
    expect(revoked.length).toBeGreaterThan(0);
    expect((await reimport(CATALOG)).status).toBe(200);
  });

  it('signs out: POST /auth/logout ends the session and clears the cookie', async () => {
    const { cookie } = await signIn(t.app, 'pat');
    const res = await t.app.request('/auth/logout', {
      method: 'POST',
      headers: { cookie: cookie ?? '', 'sec-fetch-site': 'same-origin' },
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/sign-in');
    expect(res.headers.get('set-cookie')).toMatch(/^paved_session=;/);
    expect((await get(t.app, '/api/v1/me', cookie)).status).toBe(401);
  });
});

describe('personal tokens', () => {
  it("act as their person with the person's rights; service tokens are listed apart", async () => {
    const { cookie } = await signIn(t.app, 'jane');
    const created = await post(t.app, '/api/v1/me/tokens', cookie ?? '', { name: 'ci-laptop' });
    expect(created).toMatchObject({
      status: 201,
      body: { name: 'ci-laptop', role: 'member', scopes: [], person: 'user:default/jane' },
    });
    const bearer = { authorization: `Bearer ${created.body.token}` };
    const me = await t.app.request('/api/v1/me', { headers: bearer });
    expect(await me.json()).toMatchObject({
      person: 'user:default/jane',
      role: 'member',
      teams: ['group:default/payments'],
      via: 'token',
    });
    const declare = (team: string) =>
      t.app.request('/api/v1/capabilities/golden-ci/declarations', {
        method: 'POST',
        headers: { ...bearer, 'content-type': 'application/json' },
        body: JSON.stringify({ team, status: 'using', date: '2025-03-01' }),
      });
    expect((await declare('payments')).status).toBe(201);
    expect((await declare('checkout')).status).toBe(403);

    const mine = await get(t.app, '/api/v1/me/tokens', cookie);
    expect(mine.body.items.map((i: { name: string }) => i.name)).toContain('ci-laptop');
    expect(mine.body.items.every((i: { person: string }) => i.person === 'user:default/jane')).toBe(true);
    const all = await t.call('GET', '/api/v1/tokens');
    const byName = new Map((all.body.items as { name: string; person: string | null }[]).map((i) => [i.name, i]));
    expect(byName.get('ci-laptop')?.person).toBe('user:default/jane');
    expect(byName.get('test-admin')?.person).toBeNull();

    // Not someone else's token, and not as a service token.
    const patToken = await t.call('POST', '/api/v1/tokens', { body: { name: 'pat-cli', user: 'pat' } });
    expect(patToken.body).toMatchObject({ person: 'user:default/pat', role: 'admin' });
    const other = await t.app.request(`/api/v1/me/tokens/${patToken.body.id}`, {
      method: 'DELETE',
      headers: { cookie: cookie ?? '', 'sec-fetch-site': 'same-origin' },
    });
    expect(other.status).toBe(404);
    // A service token has no personal tokens, and cannot make one.
    expect(await t.call('GET', '/api/v1/me/tokens', { role: 'admin' })).toEqual({ status: 200, body: { items: [] } });
    expect(await t.call('POST', '/api/v1/me/tokens', { role: 'admin', body: { name: 'x' } })).toEqual({
      status: 403,
      body: {
        error: {
          code: 'FORBIDDEN',
          message:
            'personal tokens belong to a person: you are using a service token (organisation admins manage those at /tokens)',
        },
      },
    });
    expect(await t.call('POST', '/api/v1/tokens', { body: { name: 'x', user: 'nobody' } })).toEqual({
      status: 404,
      body: {
        error: { code: 'NOT_FOUND', message: 'no person "nobody" in the catalog (a User, by name or email)' },
      },
    });

    const revoked = await t.app.request(`/api/v1/me/tokens/${created.body.id}`, {
      method: 'DELETE',
      headers: { cookie: cookie ?? '', 'sec-fetch-site': 'same-origin' },
    });
    expect(revoked.status).toBe(204);
    expect((await t.app.request('/api/v1/me', { headers: bearer })).status).toBe(401);
  });
});
