import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { createToken } from '../auth/service.js';
import { runImport } from '../imports/run-import.js';

let t: TestApp;
let writer: string;
let ids: Record<string, number>;

const doc = (
  kind: string,
  name: string,
  spec: string,
  apiVersion = 'backstage.io/v1alpha1',
) => `apiVersion: ${apiVersion}
kind: ${kind}
metadata: { name: ${name} }
spec: ${spec}
`;
const CATALOG = [
  doc('Group', 'platform', '{ type: team, children: [] }'),
  doc('Group', 'payments', '{ type: team, children: [] }'),
  doc('Component', 'checkout', '{ type: service, lifecycle: production, owner: payments }'),
  doc('Component', 'ledger', '{ type: service, lifecycle: production, owner: payments }'),
  doc('Capability', 'golden-ci', '{ owner: platform, lifecycle: ga }', 'paved.dev/v1alpha1'),
  doc('Capability', 'telemetry', '{ owner: platform, lifecycle: beta }', 'paved.dev/v1alpha1'),
].join('---\n');

async function importFiles(source: string, content: string) {
  const result = await runImport(t.database.db, {
    files: [{ path: 'catalog-info.yaml', content }],
    source,
    skipInvalid: false,
    actor: 'test',
  });
  expect(result.problems).toEqual([]);
}

beforeAll(async () => {
  t = await createTestApp();
  await importFiles('test', CATALOG);
  // `retired` is imported, then removed from its source: it stays in the table as orphaned.
  await importFiles('legacy', doc('Component', 'retired', '{ type: service, lifecycle: production, owner: payments }'));
  await importFiles('legacy', doc('Group', 'legacy-team', '{ type: team, children: [] }'));
  writer = (await createToken(t.database.db, { name: 'ci-events', role: 'member', scopes: ['events:write'] })).token;
  const rows = await t.database.db.selectFrom('entities').select(['id', 'name']).execute();
  ids = Object.fromEntries(rows.map((r) => [r.name, r.id]));
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.database.db.deleteFrom('usage_events').execute();
});

async function post(body: string | unknown, options: { type?: string; token?: string } = {}) {
  const res = await t.app.request('/api/v1/events', {
    method: 'POST',
    headers: { authorization: `Bearer ${options.token ?? writer}`, 'content-type': options.type ?? 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function storedRows() {
  const rows = await t.database.db
    .selectFrom('usage_events')
    .select(['event_id', 'capability_id', 'service_id', 'team_id', 'actor', 'action', 'occurred_at', 'count'])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, occurred_at: new Date(r.occurred_at).toISOString() }));
}

const countRows = async () => (await storedRows()).length;
const at = '2025-03-01T12:00:00Z';
const future = () => new Date(Date.now() + 10 * 60_000).toISOString();

const MIXED = () => [
  /* 0 */ {
    id: 'e-0',
    capability: 'golden-ci',
    service: 'checkout',
    actor: 'ci-bot',
    action: 'build',
    timestamp: '2025-03-01T12:00:00+01:00',
    count: 3,
  },
  /* 1 */ { id: 'e-1', capability: 'nope', service: 'checkout', timestamp: at },
  /* 2 */ { id: 'e-2', capability: 'golden-ci', service: 'component:default/ghost', timestamp: at },
  /* 3 */ { id: 'e-3', capability: 'golden-ci', service: 'checkout' },
  /* 4 */ { id: 'e-4', capability: 'golden-ci', service: 'checkout', timestamp: '2025-03-01T12:00:00' },
  /* 5 */ { id: 'e-5', capability: 'golden-ci', service: 'checkout', team: 'payments', timestamp: at },
  /* 6 */ { id: 'e-6', capability: 'golden-ci', service: 'checkout', timestamp: at, count: 0 },
  /* 7 */ { id: 'e-7', capability: 'golden-ci', service: 'checkout', timestamp: at, colour: 'red' },
  /* 8 */ {
    id: 'e-8',
    capability: 'capability:default/telemetry',
    team: 'payments',
    timestamp: '2025-03-02T08:30:00.250Z',
  },
  /* 9 */ { id: 'e-0', capability: 'golden-ci', service: 'ledger', timestamp: at },
  /* 10 */ { id: 'e-10', capability: 'golden-ci', service: 'ledger', timestamp: future() },
  /* 11 */ { id: 'e-11', capability: 'golden-ci', service: 'group:default/payments', timestamp: at },
  /* 12 */ { id: 'e-12', capability: 'golden-ci', team: 'checkout', timestamp: at },
  /* 13 */ 42,
  /* 14 */ { id: 'e-14', capability: 'golden-ci', service: 'retired', timestamp: at },
  /* 15 */ { id: 'e-15', capability: 'golden-ci', timestamp: 'yesterday', count: -2 },
  /* 16 */ {
    id: 'e-16',
    capability: 'golden-ci',
    service: 'ledger',
    timestamp: at,
    count: 1_000_000,
    actor: 'a'.repeat(201),
  },
  /* 17 */ { id: 'e-17', capability: 'golden-ci', service: 'ledger', timestamp: at, count: 2.5 },
  /* 18 */ { id: 'e-18', capability: 'golden-ci', service: 'ledger', timestamp: at, count: 1_000_001, action: '' },
  /* 19 */ { id: 'e-19', capability: 'golden-ci', service: 'ledger', timestamp: '2025-03-01T12:00' },
  /* 20 */ { id: 'e-20', capability: 'golden-ci', service: 'ledger', timestamp: '1969-12-31T23:59:59Z' },
  /* 21 */ { id: 'e-21', capability: 'golden-ci', service: 'ledger', timestamp: at, actor: 'nul\u0000' },
];

const MIXED_REJECTED = [
  { index: 1, error: 'capability: no capability "capability:default/nope" in the catalog' },
  { index: 2, error: 'service: no service "component:default/ghost" in the catalog' },
  { index: 3, error: 'timestamp: is required' },
  { index: 4, error: 'timestamp: must include a time zone, like 2025-03-01T12:00:00Z or +01:00' },
  { index: 5, error: 'team: give service or team, not both' },
  { index: 6, error: 'count: must be a whole number from 1 to 1000000' },
  { index: 7, error: 'colour: unknown field' },
  { index: 10, error: 'timestamp: must not be more than 5 minutes in the future' },
  { index: 11, error: 'service: "group:default/payments" is not a service reference (kind component)' },
  { index: 12, error: 'team: no team "group:default/checkout" in the catalog' },
  { index: 13, error: 'the event must be a JSON object' },
  { index: 14, error: 'service: service "component:default/retired" was removed from the catalog (orphaned)' },
  {
    index: 15,
    error:
      'timestamp: must be an ISO 8601 date-time with a time zone, like 2025-03-01T12:00:00Z; count: must be a whole number from 1 to 1000000',
  },
  { index: 16, error: 'actor: must be at most 200 characters' },
  { index: 17, error: 'count: must be a whole number from 1 to 1000000' },
  { index: 18, error: 'action: must not be empty; count: must be a whole number from 1 to 1000000' },
  { index: 19, error: 'timestamp: must be an ISO 8601 date-time with a time zone, like 2025-03-01T12:00:00Z' },
  { index: 20, error: 'timestamp: must not be before 1970' },
  { index: 21, error: 'actor: must not contain NUL characters' },
];

describe('POST /api/v1/events', () => {
  it('stores the valid events of a mixed batch and names every other one by index', async () => {
    const res = await post(MIXED());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ accepted: 2, duplicates: 1, rejected: MIXED_REJECTED });
    expect(await storedRows()).toEqual([
      {
        event_id: 'e-0',
        capability_id: ids['golden-ci'],
        service_id: ids.checkout,
        team_id: null,
        actor: 'ci-bot',
        action: 'build',
        occurred_at: '2025-03-01T11:00:00.000Z',
        count: 3,
      },
      {
        event_id: 'e-8',
        capability_id: ids.telemetry,
        service_id: null,
        team_id: ids.payments,
        actor: null,
        action: null,
        occurred_at: '2025-03-02T08:30:00.250Z',
        count: 1,
      },
    ]);
  });

  it('answers a resent batch with duplicates only and leaves the rows as they were', async () => {
    await post(MIXED());
    const before = await storedRows();
    const res = await post(MIXED());
    expect(res.body).toEqual({ accepted: 0, duplicates: 3, rejected: MIXED_REJECTED });
    expect(await storedRows()).toEqual(before);
  });

  it('treats a stored id as a duplicate even when the rest of the event differs', async () => {
    await post([{ id: 'x', capability: 'golden-ci', service: 'checkout', timestamp: at }]);
    const res = await post([{ id: 'x', capability: 'telemetry', service: 'ledger', timestamp: at, count: 9 }]);
    expect(res.body).toEqual({ accepted: 0, duplicates: 1, rejected: [] });
    expect((await storedRows()).map((r) => [r.event_id, r.capability_id, r.count])).toEqual([
      ['x', ids['golden-ci'], 1],
    ]);
  });

  it('always stores events without an id', async () => {
    const event = { capability: 'golden-ci', service: 'checkout', timestamp: at };
    expect((await post([event, event])).body).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    expect((await post(event)).body).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    expect(await countRows()).toBe(3);
  });

  it('reads NDJSON, skips blank lines and rejects a broken line by its index among lines with content', async () => {
    const body = [
      JSON.stringify({ id: 'n-0', capability: 'golden-ci', service: 'checkout', timestamp: at }),
      '',
      '{"id": "n-1", "capability": "golden-ci",',
      '   ',
      JSON.stringify({ id: 'n-2', capability: 'golden-ci', team: 'group:default/payments', timestamp: at, count: 5 }),
      JSON.stringify({ id: 'n-3', capability: 'golden-ci', timestamp: at }),
      '',
    ].join('\r\n');
    const res = await post(body, { type: 'application/x-ndjson' });
    expect(res.status).toBe(200);
    expect(res.body.accepted).toBe(2);
    expect(res.body.duplicates).toBe(0);
    expect(res.body.rejected).toHaveLength(2);
    expect(res.body.rejected[0].index).toBe(1);
    expect(res.body.rejected[0].error).toMatch(/^the line is not valid JSON: /);
    expect(res.body.rejected[1]).toEqual({ index: 3, error: 'service: service or team is required' });
    expect((await storedRows()).map((r) => [r.event_id, r.service_id, r.team_id, r.count])).toEqual([
      ['n-0', ids.checkout, null, 1],
      ['n-2', null, ids.payments, 5],
    ]);
  });

  it('accepts one event object as a batch of one', async () => {
    const res = await post({ id: 'one', capability: 'golden-ci', service: 'checkout', timestamp: at });
    expect(res.body).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
  });

  it('refuses more than 10,000 events with 413 and stores none of them', async () => {
    const events = Array.from({ length: 10_001 }, (_, i) => ({
      id: `big-${i}`,
      capability: 'golden-ci',
      service: 'checkout',
      timestamp: at,
    }));
    const json = await post(events);
    expect(json.status).toBe(413);
    expect(json.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    const ndjson = await post(events.map((e) => JSON.stringify(e)).join('\n'), { type: 'application/x-ndjson' });
    expect(ndjson.status).toBe(413);
    expect(await countRows()).toBe(0);
    expect((await post(events.slice(0, 10_000))).body).toEqual({ accepted: 10_000, duplicates: 0, rejected: [] });
  });

  it('refuses a body over 25 MB with 413', async () => {
    const res = await post(`[${' '.repeat(25 * 1024 * 1024)}]`);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers 400 MALFORMED_JSON for a JSON body that does not parse, and 415 for other media types', async () => {
    const broken = await post('[{"capability": "golden-ci"', {});
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('MALFORMED_JSON');
    const scalar = await post('"golden-ci"');
    expect(scalar.status).toBe(400);
    expect(scalar.body.error.code).toBe('VALIDATION_FAILED');
    const text = await post('capability=golden-ci', { type: 'text/plain' });
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await countRows()).toBe(0);
  });

  it('lets admins and events:write tokens post, and nobody else', async () => {
    const event = [{ capability: 'golden-ci', service: 'checkout', timestamp: at }];
    for (const role of ['viewer', 'member'] as const) {
      const res = await post(event, { token: t.tokens[role] });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
    expect(await countRows()).toBe(0);
    expect((await post(event, { token: t.tokens.admin })).body.accepted).toBe(1);
    expect((await post(event, { token: writer })).body.accepted).toBe(1);
    const viewerWriter = (
      await createToken(t.database.db, { name: 'viewer-events', role: 'viewer', scopes: ['events:write'] })
    ).token;
    expect((await post(event, { token: viewerWriter })).status).toBe(200);
  });

  it('is described in the OpenAPI document with both media types', async () => {
    const doc = await t.call('GET', '/api/openapi.json');
    const content = doc.body.paths['/api/v1/events'].post.requestBody.content;
    expect(Object.keys(content)).toEqual(['application/json', 'application/x-ndjson']);
  });
});
