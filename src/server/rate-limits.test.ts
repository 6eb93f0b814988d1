import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { silentLogger } from '../http/logger.js';
import { DEFAULT_RATE_LIMITS, type RateLimitSettings } from '../http/rate-limits.js';
import { createToken } from '../modules/auth/service.js';
import { buildApp, type App } from './app.js';
import { loadConfig } from './config.js';

// Finding 10: 1,000 wrong sign-ins in 4 s were never throttled.
let database: TestDatabase;
let admin: string;
beforeAll(async () => {
  database = await createTestDatabase();
  admin = (await createToken(database.db, { name: 'rate-admin', role: 'admin' })).token;
});
afterAll(() => database.close());

const appWith = (limits: Partial<RateLimitSettings> = {}, trustProxy = 0) =>
  buildApp({ db: database.db, logger: silentLogger, rateLimits: { ...DEFAULT_RATE_LIMITS, ...limits }, trustProxy });

/** A request from a client at `ip` (the connection's peer, as @hono/node-server hands it over). */
async function from(app: App, ip: string, path: string, init: RequestInit = {}) {
  const res = await app.request(path, init, { incoming: { socket: { remoteAddress: ip } } });
  const text = await res.text();
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: text ? JSON.parse(text) : null };
}
const signIn = (app: App, ip: string, token: string) =>
  from(app, ip, '/api/v1/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

function expectLimited(
  answer: { status: number; retryAfter: string | null; body: unknown },
  what: string,
  windowS = 60,
) {
  expect(answer.status).toBe(429);
  const seconds = Number(answer.retryAfter);
  expect(seconds).toBeGreaterThan(0);
  expect(seconds).toBeLessThanOrEqual(windowS);
  expect(answer.body).toEqual({
    error: { code: 'RATE_LIMITED', message: `${what} from this client; try again in ${seconds} s` },
  });
}

describe('rate limits', () => {
  it('answers the 11th wrong sign-in in a minute with 429 and Retry-After, and then the right token too', async () => {
    const app = appWith();
    for (let i = 0; i < 10; i++) {
      const wrong = await signIn(app, '198.51.100.1', `wrong-${i}`);
      expect(wrong.status).toBe(401);
    }
    expectLimited(await signIn(app, '198.51.100.1', 'wrong-10'), 'too many failed sign-ins');
    expectLimited(await signIn(app, '198.51.100.1', admin), 'too many failed sign-ins');
    // Another client is not held back.
    expect((await signIn(app, '198.51.100.2', admin)).status).toBe(200);
  });

  it('counts wrong bearer tokens on any route per client, and holds back its bearer requests once spent', async () => {
    const app = appWith();
    for (let i = 0; i < 10; i++)
      expect((await from(app, '198.51.100.3', '/api/v1/me', bearer(`x${i}`))).status).toBe(401);
    expectLimited(await from(app, '198.51.100.3', '/api/v1/me', bearer('x10')), 'too many failed sign-ins');
    expectLimited(await from(app, '198.51.100.3', '/api/v1/services', bearer(admin)), 'too many failed sign-ins');
    expect((await from(app, '198.51.100.4', '/api/v1/me', bearer(admin))).status).toBe(200);
    // Right tokens are never counted.
    for (let i = 0; i < 30; i++)
      expect((await from(app, '198.51.100.5', '/api/v1/me', bearer(admin))).status).toBe(200);
  });

  it('limits sign-in attempts, right or wrong, and token writes but not token reads', async () => {
    const app = appWith({ signin: { limit: 3, windowMs: 60_000 }, tokens: { limit: 2, windowMs: 60_000 } });
    for (let i = 0; i < 3; i++) expect((await signIn(app, '198.51.100.6', admin)).status).toBe(200);
    expectLimited(await signIn(app, '198.51.100.6', admin), 'too many sign-in attempts');

    const create = (name: string) =>
      from(app, '198.51.100.7', '/api/v1/tokens', {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name, role: 'viewer' }),
      });
    expect((await create('limited-1')).status).toBe(201);
    expect((await create('limited-2')).status).toBe(201);
    expectLimited(await create('limited-3'), 'too many token changes');
    expect((await from(app, '198.51.100.7', '/api/v1/tokens', bearer(admin))).status).toBe(200);
    const names = (await database.db.selectFrom('api_tokens').select('name').execute()).map((r) => r.name);
    expect(names.filter((n) => n.startsWith('limited-')).sort()).toEqual(['limited-1', 'limited-2']);
  });

  it('limits webhook deliveries per client, signed or not', async () => {
    const app = appWith({ webhooks: { limit: 5, windowMs: 60_000 } });
    const deliver = (ip: string) =>
      from(app, ip, '/webhooks/github', {
        method: 'POST',
        headers: { 'x-github-event': 'ping', 'x-github-delivery': 'd-1', 'x-hub-signature-256': 'sha256=00' },
        body: '{}',
      });
    for (let i = 0; i < 5; i++) expect((await deliver('203.0.113.9')).status).toBe(401);
    expectLimited(await deliver('203.0.113.9'), 'too many webhook deliveries');
    expect((await deliver('203.0.113.10')).status).toBe(401);
  });

  it('never limits health, whatever the client has spent', async () => {
    const app = appWith({ webhooks: { limit: 1, windowMs: 60_000 } });
    for (let i = 0; i < 11; i++) await from(app, '198.51.100.8', '/api/v1/me', bearer('wrong'));
    expect((await from(app, '198.51.100.8', '/api/v1/me', bearer(admin))).status).toBe(429);
    for (let i = 0; i < 200; i++) {
      const health = await from(app, '198.51.100.8', '/api/health', bearer('wrong'));
      expect(health.status).toBe(200);
    }
  });

  it('takes the client from X-Forwarded-For only when PAVED_TRUST_PROXY says a proxy adds it', async () => {
    const wrongFrom = (app: App, forwarded: string) =>
      from(app, '10.0.0.2', '/api/v1/me', { headers: { authorization: 'Bearer nope', 'x-forwarded-for': forwarded } });
    const direct = appWith({ authFailures: { limit: 2, windowMs: 60_000 } });
    // Not trusted: a client writing a new X-Forwarded-For each time is still one client.
    expect((await wrongFrom(direct, '1.1.1.1')).status).toBe(401);
    expect((await wrongFrom(direct, '2.2.2.2')).status).toBe(401);
    expect((await wrongFrom(direct, '3.3.3.3')).status).toBe(429);

    const proxied = appWith({ authFailures: { limit: 2, windowMs: 60_000 } }, 1);
    // Trusted: the address the proxy appended is the client; what the client wrote before it is ignored.
    expect((await wrongFrom(proxied, 'forged, 192.0.2.1')).status).toBe(401);
    expect((await wrongFrom(proxied, 'other-forgery, 192.0.2.1')).status).toBe(401);
    expect((await wrongFrom(proxied, '192.0.2.1')).status).toBe(429);
    expect((await wrongFrom(proxied, '192.0.2.2')).status).toBe(401);
  });
});

describe('rate limit settings', () => {
  it('are on by default in the server, adjustable one by one, and off with PAVED_RATE_LIMITS=off', () => {
    expect(loadConfig({}).rateLimits).toEqual(DEFAULT_RATE_LIMITS);
    expect(DEFAULT_RATE_LIMITS.authFailures).toEqual({ limit: 10, windowMs: 60_000 });
    expect(loadConfig({ PAVED_RATE_LIMIT_SIGNIN: '5/min', PAVED_RATE_LIMIT_WEBHOOKS: 'off' }).rateLimits).toEqual({
      ...DEFAULT_RATE_LIMITS,
      signin: { limit: 5, windowMs: 60_000 },
      webhooks: null,
    });
    expect(loadConfig({ PAVED_RATE_LIMITS: 'off' }).rateLimits).toBeNull();
    expect(() => loadConfig({ PAVED_RATE_LIMIT_TOKENS: 'many' })).toThrow('PAVED_RATE_LIMIT_TOKENS must be');
    expect(loadConfig({}).trustProxy).toBe(0);
    expect(loadConfig({ PAVED_TRUST_PROXY: 'true' }).trustProxy).toBe(1);
    expect(loadConfig({ PAVED_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(() => loadConfig({ PAVED_TRUST_PROXY: 'yes' })).toThrow('PAVED_TRUST_PROXY must be');
  });
});
