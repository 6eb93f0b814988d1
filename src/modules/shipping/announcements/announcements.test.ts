import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { silentLogger } from '../../../http/logger.js';
import { buildApp } from '../../../server/app.js';
import type { Principal } from '../../../http/router.js';
import { announcementDeliveryJob } from './delivery-job.js';
import { announceRelease } from './fan-out.js';
import { createSubscription } from './write-subscription.js';

// The subscriptions API: who may, what is refused (and then not stored), what is stored sealed, and which releases
// each filter announces. This app does NOT allow private destinations.
let t: TestApp;
const key = randomBytes(32);
const db = () => t.database.db;
const PUBLIC = 'https://203.0.113.10/services/T0001/B0002/s3cr3tpath'; // TEST-NET-3: a public address, no DNS
const post = (body: unknown) => t.call('POST', '/api/v1/subscriptions', { body });
const stored = () => db().selectFrom('subscriptions').selectAll().orderBy('id').execute();

beforeAll(async () => {
  t = await createTestApp({ secretKey: key });
  for (const name of ['platform', 'team-x', 'team-y'])
    expect((await t.call('POST', '/api/v1/teams', { body: { name, type: 'team' } })).status).toBe(201);
  for (const name of ['ci', 'db'])
    expect(
      (await t.call('POST', '/api/v1/capabilities', { body: { name, owner: 'platform', lifecycle: 'ga' } })).status,
    ).toBe(201);
  // team-x uses ci (its declaration), so ci's releases are team-x's news; db's are nobody's.
  const declared = await t.call('POST', '/api/v1/capabilities/ci/declarations', {
    body: { team: 'team-x', status: 'using', date: '2025-02-01' },
  });
  expect(declared.status).toBe(201);
});
afterAll(() => t.close());

describe('refusals change nothing', () => {
  it.each([
    ['https://127.0.0.1:8443/hook', /127\.0\.0\.1 is a loopback address; set PAVED_ALLOW_PRIVATE_DESTINATIONS=true/],
    ['https://10.1.2.3/hook', /10\.1\.2\.3 is a private address; set PAVED_ALLOW_PRIVATE_DESTINATIONS=true/],
    ['https://[fe80::1]/hook', /is a link-local address/],
    ['https://169.254.169.254/latest', /the cloud metadata address; Paved never connects to it/],
    ['http://203.0.113.10/hook', /must be an https URL \(plain http is accepted only when PAVED_ALLOW_PRIVATE/],
    ['ftp://203.0.113.10/hook', /must be an https URL/],
    ['not a url', /must be an absolute URL/],
  ])('%s is refused with a 400 naming url', async (url, reason) => {
    const res = await post({ kind: 'webhook', url });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details).toHaveLength(1);
    expect(res.body.error.details[0].field).toBe('url');
    expect(res.body.error.details[0].reason).toMatch(reason);
    expect(res.body.error.message).toMatch(/^url: /);
    expect(await stored()).toEqual([]);
  });

  it('names the filter field that is wrong', async () => {
    const cases: [unknown, string, RegExp][] = [
      [{ capabilities: ['ci', 'nope'] }, 'filter.capabilities[1]', /capability:default\/nope is not in the catalog/],
      [{ team: 'nobody' }, 'filter.team', /group:default\/nobody is not in the catalog/],
      [{ types: ['feature', 'minor'] }, 'filter.types[1]', /./],
      [{ capabilities: [] }, 'filter.capabilities', /name at least one capability/],
      [{ colour: 'red' }, 'filter.colour', /unknown field/],
    ];
    for (const [filter, field, reason] of cases) {
      const res = await post({ kind: 'slack', url: PUBLIC, filter });
      expect(res.status, JSON.stringify(filter)).toBe(400);
      expect(res.body.error.details[0].field).toBe(field);
      expect(res.body.error.details[0].reason).toMatch(reason);
    }
    expect((await post({ kind: 'email', url: PUBLIC })).body.error.details[0].field).toBe('kind');
    expect(await stored()).toEqual([]);
  });

  it('refuses to store a destination without PAVED_SECRET_KEY', async () => {
    // The same database served by an app started without the key.
    const bare = buildApp({ db: db(), logger: silentLogger });
    const res = await bare.request('/api/v1/subscriptions', {
      method: 'POST',
      headers: { authorization: `Bearer ${t.tokens.admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'slack', url: PUBLIC }),
    });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/PAVED_SECRET_KEY is not set/);
    expect(await stored()).toEqual([]);
  });
});

describe('subscriptions', () => {
  it('stores the URL and secret sealed, shows the secret once, and lists hosts only', async () => {
    const slack = await post({ kind: 'slack', url: PUBLIC, name: 'Releases channel' });
    expect(slack.status).toBe(201);
    expect(slack.body).toMatchObject({
      kind: 'slack',
      name: 'Releases channel',
      host: '203.0.113.10',
      filter: {},
      state: 'active',
      secret: null,
      createdBy: 'test-admin',
      counts: { pending: 0, delivered: 0, failed: 0 },
    });
    const hook = await post({
      kind: 'webhook',
      url: 'https://203.0.113.11/paved',
      filter: { capabilities: ['ci'], team: 'team-x', types: ['breaking', 'deprecation'] },
    });
    expect(hook.status).toBe(201);
    const secret = hook.body.secret as string;
    // Standard Webhooks: "whsec_" and the base64 of 32 random bytes.
    expect(secret).toMatch(/^whsec_/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(hook.body.filter).toEqual({ capabilities: ['ci'], team: 'team-x', types: ['breaking', 'deprecation'] });

    const rows = await stored();
    expect(rows.map((r) => r.url_host)).toEqual(['203.0.113.10', '203.0.113.11']);
    for (const row of rows) expect(row.url_sealed).toMatch(/^v1:/);
    expect(JSON.stringify(rows)).not.toContain('s3cr3tpath');
    expect(JSON.stringify(rows)).not.toContain(secret.slice(6));
    expect(rows[1]!.filter).toEqual({
      capabilities: ['capability:default/ci'],
      team: 'group:default/team-x',
      types: ['breaking', 'deprecation'],
    });

    const list = await t.call('GET', '/api/v1/subscriptions');
    expect(list.status).toBe(200);
    expect(list.body.items.map((s: { id: number }) => s.id)).toEqual([hook.body.id, slack.body.id]);
    const listed = JSON.stringify(list.body);
    expect(listed).not.toContain('s3cr3tpath');
    expect(listed).not.toContain(secret.slice(6));
    expect(listed).not.toContain('"secret"');

    const audit = await db().selectFrom('audit_log').selectAll().where('entity_kind', '=', 'subscription').execute();
    expect(audit.map((a) => a.summary)).toEqual([
      'Added slack announcements to 203.0.113.10 ("Releases channel")',
      'Added webhook announcements to 203.0.113.11',
    ]);
    expect(JSON.stringify(audit)).not.toContain('s3cr3tpath');

    for (const id of [slack.body.id, hook.body.id])
      expect((await t.call('DELETE', `/api/v1/subscriptions/${id}`)).status).toBe(204);
    expect(await stored()).toEqual([]);
    const again = await t.call('DELETE', `/api/v1/subscriptions/${slack.body.id}`);
    expect(again.status).toBe(404);
    expect((await t.call('POST', `/api/v1/subscriptions/${slack.body.id}/resume`)).status).toBe(404);
    expect((await t.call('GET', `/api/v1/subscriptions/${slack.body.id}/deliveries`)).status).toBe(404);
  });

  it("announces each release to the subscriptions whose filter matches: capability, type, a team's news", async () => {
    const make = async (name: string, filter?: unknown) =>
      (await post({ kind: 'slack', url: PUBLIC, name, ...(filter ? { filter } : {}) })).body.id as number;
    const ids = {
      all: await make('all'),
      ci: await make('ci', { capabilities: ['ci'] }),
      breaking: await make('breaking', { types: ['breaking'] }),
      teamX: await make('team-x', { team: 'team-x' }),
      teamY: await make('team-y', { team: 'team-y' }),
      dbFixes: await make('db fixes', { capabilities: ['db'], types: ['fix'] }),
    };
    const capId = async (name: string) =>
      (
        await db()
          .selectFrom('entities')
          .select('id')
          .where('ref', '=', `capability:default/${name}`)
          .executeTakeFirstOrThrow()
      ).id;
    const release = async (cap: string, version: string, type: 'feature' | 'fix' | 'breaking') => {
      const { id } = await db()
        .insertInto('releases')
        .values({ capability_id: await capId(cap), version, type })
        .returning('id')
        .executeTakeFirstOrThrow();
      await announceRelease(db(), id, silentLogger);
      const rows = await db()
        .selectFrom('announcements')
        .select('subscription_id')
        .where('release_id', '=', id)
        .execute();
      const names = Object.fromEntries(Object.entries(ids).map(([n, i]) => [i, n]));
      return rows.map((r) => names[r.subscription_id]).sort();
    };
    // ci feature: all, ci, team-x (team-x uses ci).
    expect(await release('ci', '1.0.0', 'feature')).toEqual(['all', 'ci', 'teamX']);
    // ci breaking: and the breaking subscription.
    expect(await release('ci', '2.0.0', 'breaking')).toEqual(['all', 'breaking', 'ci', 'teamX']);
    // db fix: all, db fixes; no team has db as news.
    expect(await release('db', '1.0.1', 'fix')).toEqual(['all', 'dbFixes']);
    // A queued first attempt per announcement: 3 + 4 + 2.
    const jobs = await db().selectFrom('jobs').select('id').where('type', '=', 'announcement-delivery').execute();
    expect(jobs).toHaveLength(9);
  });

  it('checks the destination again before each send', async () => {
    // Stored while private destinations were allowed; the worker now runs without the setting.
    const principal = { name: 'test', person: null, tokenId: null, orgAdmin: true, role: 'admin' } as Principal;
    const { id } = await createSubscription(
      db(),
      principal,
      { kind: 'teams', url: 'https://127.0.0.1:9/hook' },
      {
        secretKey: key,
        allowPrivate: true,
      },
    );
    const { id: releaseId } = await db()
      .insertInto('releases')
      .values({ capability_id: null, version: '0.1.0', type: 'fix' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await announceRelease(db(), releaseId, silentLogger);
    const announcement = await db()
      .selectFrom('announcements')
      .selectAll()
      .where('subscription_id', '=', id)
      .executeTakeFirstOrThrow();
    const job = announcementDeliveryJob({ secretKey: key, publicUrl: null, allowPrivate: false });
    await job.handle({ announcementId: announcement.id, attempt: 1 }, { db: db(), logger: silentLogger, attempt: 1 });
    const attempts = await db()
      .selectFrom('announcement_attempts')
      .selectAll()
      .where('announcement_id', '=', announcement.id)
      .execute();
    expect(attempts).toHaveLength(1);
    expect(attempts[0]!.status_code).toBeNull();
    expect(attempts[0]!.error).toBe(
      'refused: 127.0.0.1 is a loopback address; set PAVED_ALLOW_PRIVATE_DESTINATIONS=true to allow private destinations',
    );
  });
});
