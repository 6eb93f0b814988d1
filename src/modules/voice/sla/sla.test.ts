import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { addItem, tokenFor, voiceCatalog } from '../../../../test/voice-fixture.js';

let t: TestApp;
let platA: Record<string, string>;
let platB: Record<string, string>;
const POLICY = {
  severities: { '1': { acknowledgeHours: 4, fixHours: 24 }, '3': { acknowledgeHours: 48, fixHours: 240 } },
};

beforeAll(async () => {
  t = await createTestApp();
  await voiceCatalog(t);
  platA = await tokenFor(t, 'admin', 'plat-a');
  platB = await tokenFor(t, 'admin', 'plat-b');
});
afterAll(() => t.close());

const audit = async (kind: string) =>
  (await t.database.db.selectFrom('audit_log').selectAll().where('entity_kind', '=', kind).execute()).length;

describe('SLA policies', () => {
  it('lets the owning platform team set a capability’s policy, and records it', async () => {
    expect((await t.call('GET', '/api/v1/capabilities/ci/sla')).body).toEqual({ capability: 'ci', severities: {} });
    const res = await t.call('PUT', '/api/v1/capabilities/ci/sla', { role: null, headers: platA, body: POLICY });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ capability: 'ci', ...POLICY });
    expect((await t.call('GET', '/api/v1/capabilities/ci/sla', { role: 'viewer' })).body).toEqual(res.body);
    expect(await audit('sla_policy')).toBe(1);
  });

  it('refuses another platform team and changes nothing', async () => {
    const res = await t.call('PUT', '/api/v1/capabilities/ci/sla', {
      role: null,
      headers: platB,
      body: { severities: { '1': { acknowledgeHours: 1, fixHours: 2 } } },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    expect((await t.call('GET', '/api/v1/capabilities/ci/sla')).body).toEqual({ capability: 'ci', ...POLICY });
    expect(await audit('sla_policy')).toBe(1);
  });

  it('refuses severities outside 1-4 and hours that are not positive, naming the field', async () => {
    const five = await t.call('PUT', '/api/v1/capabilities/ci/sla', {
      body: { severities: { '5': { acknowledgeHours: 1, fixHours: 2 } } },
    });
    expect(five.status).toBe(400);
    expect(five.body.error.details).toEqual([{ field: 'severities.5', reason: 'unknown field' }]);
    const zero = await t.call('PUT', '/api/v1/capabilities/ci/sla', {
      body: { severities: { '1': { acknowledgeHours: 0, fixHours: 2 } } },
    });
    expect(zero.body.error.details[0].field).toBe('severities.1.acknowledgeHours');
    expect((await t.call('GET', '/api/v1/capabilities/ci/sla')).body.severities).toEqual(POLICY.severities);
  });

  it('replaces the whole policy: a severity left out loses its SLA', async () => {
    const one = { severities: { '2': { acknowledgeHours: 8, fixHours: 72 } } };
    expect((await t.call('PUT', '/api/v1/capabilities/ci/sla', { body: one })).body.severities).toEqual(one.severities);
  });
});

describe('support categories', () => {
  it('links a category to the capability that made it self-service, for that capability’s team', async () => {
    await addItem(t, 'support', { team: 't1', category: 'access', title: 'give me access', platformTeam: 'plat-a' });
    const res = await t.call('PUT', '/api/v1/support/categories/access', {
      role: null,
      headers: platA,
      body: { capability: 'self-access' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ category: 'access', capability: 'self-access', gaDate: '2024-07-01', requests: 1 });
    await addItem(t, 'support', { team: 't2', category: 'quota', title: 'more quota', platformTeam: 'plat-b' });
    expect((await t.call('GET', '/api/v1/support/categories', { role: 'viewer' })).body.items).toEqual([
      res.body,
      { category: 'quota', capability: null, gaDate: null, requests: 1 },
    ]);
    expect(await audit('support_category')).toBe(1);
  });

  it('refuses a platform member linking to a capability not theirs, or taking another team’s category', async () => {
    const notTheirs = await t.call('PUT', '/api/v1/support/categories/quota', {
      role: null,
      headers: platB,
      body: { capability: 'ci' },
    });
    expect(notTheirs.status).toBe(403);
    const taking = await t.call('PUT', '/api/v1/support/categories/access', {
      role: null,
      headers: platB,
      body: { capability: 'db' },
    });
    expect(taking.status).toBe(403);
    const unknown = await t.call('PUT', '/api/v1/support/categories/quota', { body: { capability: 'nope' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0].field).toBe('capability');
    const items = (await t.call('GET', '/api/v1/support/categories')).body.items;
    expect(items.map((c: { category: string; capability: string | null }) => [c.category, c.capability])).toEqual([
      ['access', 'self-access'],
      ['quota', null],
    ]);
    expect(await audit('support_category')).toBe(1);
  });

  it('lets the linked capability’s team unlink a category, and no one else', async () => {
    const other = await t.call('PUT', '/api/v1/support/categories/access', {
      role: null,
      headers: platB,
      body: { capability: null },
    });
    expect(other.status).toBe(403);
    const res = await t.call('PUT', '/api/v1/support/categories/access', {
      role: null,
      headers: platA,
      body: { capability: null },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ category: 'access', capability: null, gaDate: null, requests: 1 });
    expect(await audit('support_category')).toBe(2);
  });
});
