import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { buildApp } from '../../server/app.js';
import { DEFAULT_AUTH_SETTINGS } from '../../http/auth-settings.js';
import { silentLogger } from '../../http/logger.js';

let t: TestApp;
let cookie: string;

const YAML_GROUP =
  'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: intruders }\nspec: { type: team, children: [] }\n';

const countEntities = async () =>
  (
    await t.database.db
      .selectFrom('entities')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

/** The attack the probe found: a page on another port posts text/plain with the admin's cookie. */
const importFrom = (headers: Record<string, string>, app = t.app) =>
  app.request('http://127.0.0.1:7700/api/v1/imports/backstage?source=demo', {
    method: 'POST',
    headers: { 'content-type': 'text/plain', cookie, ...headers },
    body: YAML_GROUP,
  });

beforeAll(async () => {
  t = await createTestApp();
  const res = await t.app.request('http://127.0.0.1:7700/api/v1/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: t.tokens.admin }),
  });
  cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  expect(cookie).toMatch(/^paved_session=/);
});
afterAll(() => t.close());

describe('cross-site writes with the session cookie', () => {
  it('refuses another origin (another port counts), and stores nothing', async () => {
    const before = await countEntities();
    const res = await importFrom({ origin: 'http://127.0.0.1:8080' });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      error: {
        code: 'FORBIDDEN',
        message:
          'cross-site write refused (Origin http://127.0.0.1:8080 is not http://127.0.0.1:7700): use Paved\'s own pages, or send "Authorization: Bearer <token>" from scripts',
      },
    });
    expect(await countEntities()).toBe(before);
  });

  it('refuses a sibling site by Sec-Fetch-Site, and a cookie write that names neither', async () => {
    const sibling = await importFrom({ 'sec-fetch-site': 'same-site', origin: 'http://127.0.0.1:7700' });
    expect(sibling.status).toBe(403);
    expect((await sibling.json()).error.message).toContain('Sec-Fetch-Site is same-site');
    const bare = await importFrom({});
    expect(bare.status).toBe(403);
    expect((await bare.json()).error.message).toContain('neither its Origin nor Sec-Fetch-Site');
  });

  it("accepts Paved's own pages, and bearer-token calls whatever their origin", async () => {
    const own = await importFrom({ 'sec-fetch-site': 'same-origin', origin: 'http://127.0.0.1:7700' });
    expect(own.status).toBe(200);
    const bearer = await t.app.request('http://127.0.0.1:7700/api/v1/teams', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${t.tokens.admin}`,
        origin: 'http://evil.example',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ name: 'scripted' }),
    });
    expect(bearer.status).toBe(201);
  });

  it('behind a proxy, the origin of PAVED_PUBLIC_URL is the one allowed', async () => {
    const proxied = buildApp({
      db: t.database.db,
      logger: silentLogger,
      auth: { ...DEFAULT_AUTH_SETTINGS, publicUrl: 'https://paved.example.com' },
    });
    expect((await importFrom({ origin: 'https://paved.example.com' }, proxied)).status).toBe(200);
    expect((await importFrom({ origin: 'http://127.0.0.1:7700' }, proxied)).status).toBe(403);
  });
});
