import { sql } from 'kysely';
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { documents, groupDoc } from '../../../test/descriptors.js';
import type { AppEnv, Principal } from '../../http/router.js';
import { REDACTED, redact, redactChanges } from './redact.js';
import { auditSafetyNet } from './safety-net.js';

let t: TestApp;

const capabilityDoc = (name: string, lifecycle = 'beta') =>
  `apiVersion: paved.dev/v1alpha1\nkind: Capability\nmetadata: { name: ${name}, title: Golden CI }\nspec: { owner: group:default/platform, lifecycle: ${lifecycle} }\n`;

const rows = () => t.database.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
const last = async () => (await rows()).at(-1);

beforeAll(async () => {
  t = await createTestApp({ secretKey: randomBytes(32) });
  const imported = await t.call('POST', '/api/v1/imports/backstage', {
    body: {
      source: 'test',
      files: [
        {
          path: 'catalog.yaml',
          content: documents(groupDoc('platform'), groupDoc('payments'), capabilityDoc('golden-ci')),
        },
      ],
    },
  });
  expect(imported.status).toBe(200);
});
afterAll(() => t.close());

describe('redaction', () => {
  it('hides values under secret keys at any depth, and Paved tokens under any key', () => {
    const value = {
      name: 'ok',
      token: 'abc',
      webhookSecret: 'abc',
      nested: { privateKey: 'k', password: 'p', list: [{ api_key: 'x', keep: 'y' }] },
      'example.com/api-token': 'z',
      tokenId: 4,
      note: 'pvd_0123456789abcdefghijklmnop',
    };
    expect(redact(value)).toEqual({
      name: 'ok',
      token: REDACTED,
      webhookSecret: REDACTED,
      nested: { privateKey: REDACTED, password: REDACTED, list: [{ api_key: REDACTED, keep: 'y' }] },
      'example.com/api-token': REDACTED,
      tokenId: 4,
      note: REDACTED,
    });
  });

  it('keeps a secret field’s change (it was set) with both sides redacted', () => {
    expect(
      redactChanges({
        secret: { before: null, after: 's3cr3t-value' },
        'metadata.annotations.vault/token': { before: 'a', after: 'b' },
        title: { before: 'A', after: 'B' },
      }),
    ).toEqual({
      secret: { before: null, after: REDACTED },
      'metadata.annotations.vault/token': { before: REDACTED, after: REDACTED },
      title: { before: 'A', after: 'B' },
    });
  });
});

describe('what is recorded', () => {
  it('records an import as one entry with its counts, not one per entity', async () => {
    const imports = (await rows()).filter((r) => r.action === 'import');
    expect(imports).toHaveLength(1);
    expect(imports[0]).toMatchObject({
      actor: 'test-admin',
      channel: 'api',
      entity_kind: 'import',
      summary: 'Imported from test: 3 created',
    });
  });

  it('records a capability patch with who, the entity and only the changed fields before and after', async () => {
    const res = await t.call('PATCH', '/api/v1/capabilities/golden-ci', {
      body: { lifecycle: 'ga', description: 'Reusable CI' },
    });
    expect(res.status).toBe(200);
    const token = await t.database.db
      .selectFrom('api_tokens')
      .select('id')
      .where('name', '=', 'test-admin')
      .executeTakeFirstOrThrow();
    expect(await last()).toMatchObject({
      actor: 'test-admin',
      person: null,
      token_id: token.id,
      channel: 'api',
      action: 'update',
      entity_kind: 'capability',
      entity_ref: 'capability:default/golden-ci',
      summary: 'Changed capability:default/golden-ci: metadata.description, spec.lifecycle',
      changes: {
        'metadata.description': { before: null, after: 'Reusable CI' },
        'spec.lifecycle': { before: 'beta', after: 'ga' },
      },
    });
  });

  it('records a create with the created fields, and through a session as the UI', async () => {
    const signIn = await t.app.request('/api/v1/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: t.tokens.admin }),
    });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const res = await t.app.request('/api/v1/teams', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ name: 'growth', type: 'team', title: 'Growth' }),
    });
    expect(res.status).toBe(201);
    const entry = await last();
    expect(entry).toMatchObject({ actor: 'test-admin', channel: 'ui', action: 'create', entity_kind: 'group' });
    expect(entry?.changes).toMatchObject({
      'metadata.name': { before: null, after: 'growth' },
      'metadata.title': { before: null, after: 'Growth' },
      'spec.type': { before: null, after: 'team' },
    });
  });

  it('records a delete with what was removed', async () => {
    const created = await t.call('POST', '/api/v1/capabilities/golden-ci/mandates', {
      body: { scope: { teams: ['payments'] }, effectiveFrom: '2026-01-01', note: 'security' },
    });
    expect(created.status).toBe(201);
    expect((await last())?.changes).toEqual({
      'scope.teams': { before: null, after: ['group:default/payments'] },
      effectiveFrom: { before: null, after: '2026-01-01T00:00:00.000Z' },
      note: { before: null, after: 'security' },
    });
    expect((await t.call('DELETE', `/api/v1/capabilities/golden-ci/mandates/${created.body.id}`)).status).toBe(204);
    expect(await last()).toMatchObject({
      action: 'delete',
      entity_kind: 'mandate',
      entity_id: String(created.body.id),
      entity_ref: 'capability:default/golden-ci',
      changes: {
        'scope.teams': { before: ['group:default/payments'], after: null },
        effectiveFrom: { before: '2026-01-01T00:00:00.000Z', after: null },
        note: { before: 'security', after: null },
      },
    });
  });

  it('never stores a secret: integration secrets are redacted, issued tokens never appear', async () => {
    const secret = 'integration-secret-0123456789';
    expect(
      (await t.call('POST', '/api/v1/integrations', { body: { provider: 'github', name: 'acme', secret } })).status,
    ).toBe(201);
    expect((await last())?.changes).toEqual({
      provider: { before: null, after: 'github' },
      name: { before: null, after: 'acme' },
      secret: { before: null, after: REDACTED },
    });
    const issued = await t.call('POST', '/api/v1/tokens', { body: { name: 'ci', role: 'viewer' } });
    expect(issued.status).toBe(201);
    expect(await last()).toMatchObject({ action: 'create', entity_kind: 'token', entity_id: String(issued.body.id) });
    const stored = JSON.stringify(await rows());
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(issued.body.token);
  });

  it('records nothing for a write that failed', async () => {
    const before = (await rows()).length;
    const conflict = await t.call('POST', '/api/v1/teams', { body: { name: 'growth', type: 'team' } });
    expect(conflict.status).toBe(409);
    expect((await t.call('PATCH', '/api/v1/capabilities/golden-ci', { body: { lifecycle: 'nope' } })).status).toBe(400);
    expect((await rows()).length).toBe(before);
  });
});

describe('the safety net', () => {
  const principal = (): Principal => ({
    role: 'admin',
    orgAdmin: true,
    teams: [],
    person: null,
    name: 'net-test',
    tokenId: null,
    via: 'token',
    scopes: [],
  });
  const app = () => {
    const a = new Hono<AppEnv>();
    a.use('*', async (c, next) => {
      c.set('principal', principal());
      await next();
    });
    a.use('/api/v1/*', auditSafetyNet(t.database.db));
    a.post('/api/v1/widgets/:id', (c) => c.json({}, 201));
    a.post('/api/v1/broken', (c) => c.json({}, 400));
    a.get('/api/v1/widgets', (c) => c.json({}, 200));
    return a;
  };

  it('records a generic entry for a successful write that recorded none, and nothing for reads or failures', async () => {
    const before = (await rows()).length;
    await app().request('/api/v1/widgets', { method: 'GET' });
    await app().request('/api/v1/broken', { method: 'POST' });
    expect((await rows()).length).toBe(before);
    await app().request('/api/v1/widgets/7', { method: 'POST' });
    expect(await last()).toMatchObject({
      actor: 'net-test',
      channel: 'api',
      action: 'post',
      entity_kind: 'request',
      entity_id: '/api/v1/widgets/7',
      summary: 'POST /api/v1/widgets/{id} answered 201',
    });
  });

  it('keeps the answer of a write that succeeded when its own entry cannot be stored', async () => {
    await sql`alter table audit_log rename to audit_log_away`.execute(t.database.db);
    try {
      const res = await app().request('/api/v1/widgets/8', { method: 'POST' });
      expect(res.status).toBe(201);
    } finally {
      await sql`alter table audit_log_away rename to audit_log`.execute(t.database.db);
    }
  });
});

describe('GET /audit', () => {
  it('is for organisation admins only', async () => {
    for (const role of ['member', 'viewer'] as const) {
      const res = await t.call('GET', '/api/v1/audit', { role });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
    expect((await t.call('GET', '/api/v1/audit', { role: null })).status).toBe(401);
  });

  it('lists newest first with the changes, and filters by actor, entity, action, channel, time and text', async () => {
    const all = await t.call('GET', '/api/v1/audit?limit=200');
    expect(all.status).toBe(200);
    const ids = all.body.items.map((i: { id: string }) => Number(i.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const patch = all.body.items.find((i: { action: string; entity: { kind: string } }) => i.action === 'update');
    expect(patch).toMatchObject({
      actor: 'test-admin',
      channel: 'api',
      entity: { kind: 'capability', ref: 'capability:default/golden-ci' },
      changes: { 'spec.lifecycle': { before: 'beta', after: 'ga' } },
    });
    expect(patch.at).toMatch(/Z$/);

    const list = async (query: string) => {
      const res = await t.call('GET', `/api/v1/audit?${query}`);
      expect(res.status).toBe(200);
      return res.body.items as { action: string; channel: string; entity: { kind: string; ref: string | null } }[];
    };
    const forCapability = await list('entity=capability:default/golden-ci');
    expect(forCapability.map((i) => `${i.action} ${i.entity.kind}`)).toEqual([
      'delete mandate',
      'create mandate',
      'update capability',
    ]);
    expect((await list('kind=mandate&action=delete')).map((i) => i.action)).toEqual(['delete']);
    expect((await list('channel=ui')).map((i) => i.entity.kind)).toEqual(['group']);
    const byAdmin = (await list('actor=TEST-ADMIN')) as unknown as { actor: string }[];
    expect(byAdmin.length).toBe(all.body.items.length - 1);
    expect(new Set(byAdmin.map((i) => i.actor))).toEqual(new Set(['test-admin']));
    expect(await list('actor=someone-else')).toEqual([]);
    expect((await list('q=golden')).length).toBeGreaterThanOrEqual(3);
    expect(await list('from=2999-01-01')).toEqual([]);
    expect(await list('to=2000-01-01')).toEqual([]);
    expect((await list('from=2000-01-01&to=2999-01-01')).length).toBe(all.body.items.length);
  });

  it('pages with a cursor and bounds the limit', async () => {
    const total = (await t.call('GET', '/api/v1/audit?limit=200')).body.items.length;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await t.call(
        'GET',
        `/api/v1/audit?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...res.body.items.map((i) => i.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);

    const tooMany = await t.call('GET', '/api/v1/audit?limit=201');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.details[0].field).toBe('limit');
    const badCursor = await t.call('GET', '/api/v1/audit?cursor=nope');
    expect(badCursor.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'cursor' }] });
    const nul = await t.call('GET', '/api/v1/audit?q=%00');
    expect(nul.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'q' }] });
  });
});
