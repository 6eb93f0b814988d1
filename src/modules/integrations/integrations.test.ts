import { createHmac, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';

let t: TestApp;
const ENV_SECRET = 'github-env-secret';

const sign = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest('hex');
async function github(secret: string, deliveryId: string) {
  const body = JSON.stringify({ zen: 'Keep it logically awesome.', hook_id: 1 });
  const res = await t.app.request('/webhooks/github', {
    method: 'POST',
    headers: {
      'x-github-event': 'ping',
      'x-github-delivery': deliveryId,
      'x-hub-signature-256': `sha256=${sign(secret, body)}`,
    },
    body,
  });
  return { status: res.status, body: (await res.json()) as any };
}
async function gitlab(token: string, key: string) {
  const res = await t.app.request('/webhooks/gitlab', {
    method: 'POST',
    headers: { 'x-gitlab-event': 'Push Hook', 'x-gitlab-token': token, 'idempotency-key': key },
    body: '{"object_kind":"push"}',
  });
  return res.status;
}
async function pagerduty(secret: string, eventId: string) {
  const body = JSON.stringify({
    event: {
      id: eventId,
      event_type: 'service.updated',
      resource_type: 'service',
      occurred_at: '2024-01-01T00:00:00Z',
      data: {},
    },
  });
  const res = await t.app.request('/webhooks/pagerduty', {
    method: 'POST',
    headers: { 'x-pagerduty-signature': `v1=${sign(secret, body)}` },
    body,
  });
  return res.status;
}
const delivery = (deliveryId: string) =>
  t.database.db
    .selectFrom('deliveries')
    .select(['status', 'integration_id'])
    .where('delivery_id', '=', deliveryId)
    .executeTakeFirst();
const countDeliveries = async () => (await t.database.db.selectFrom('deliveries').select('id').execute()).length;

beforeAll(async () => {
  // GitHub has a secret in the environment; GitLab and PagerDuty have none, so only integrations can verify them.
  t = await createTestApp({ webhookSecrets: { github: [ENV_SECRET] }, secretKey: randomBytes(32) });
});
afterAll(() => t.close());

describe('/api/v1/integrations', () => {
  it('creates integrations, showing a generated secret once and never listing secrets', async () => {
    const created = await t.call('POST', '/api/v1/integrations', { body: { provider: 'github', name: 'acme-org' } });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes, base64url
    expect(created.body).toMatchObject({
      provider: 'github',
      name: 'acme-org',
      secretHint: `…${created.body.secret.slice(-4)}`,
      createdBy: 'test-admin',
      lastDeliveryAt: null,
    });

    const chosen = 'gitlab-token-chosen-by-people';
    const gl = await t.call('POST', '/api/v1/integrations', {
      body: { provider: 'gitlab', name: 'acme-org', secret: chosen },
    });
    expect(gl).toMatchObject({ status: 201, body: { provider: 'gitlab', secret: chosen, secretHint: '…ople' } });

    const list = await t.call('GET', '/api/v1/integrations');
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: any) => [i.provider, i.name, i.secretHint])).toEqual([
      ['github', 'acme-org', `…${created.body.secret.slice(-4)}`],
      ['gitlab', 'acme-org', '…ople'],
    ]);
    const listed = JSON.stringify(list.body);
    expect(listed).not.toContain(created.body.secret);
    expect(listed).not.toContain(chosen);
    expect(list.body.items.every((i: any) => !('secret' in i))).toBe(true);
  });

  it('refuses bad input, naming the field', async () => {
    const taken = await t.call('POST', '/api/v1/integrations', { body: { provider: 'github', name: 'acme-org' } });
    expect(taken).toMatchObject({
      status: 409,
      body: { error: { code: 'CONFLICT', details: [{ field: 'name', reason: 'is already used for this provider' }] } },
    });
    const short = await t.call('POST', '/api/v1/integrations', {
      body: { provider: 'github', name: 'short', secret: 'abc' },
    });
    expect(short).toMatchObject({
      status: 400,
      body: {
        error: { code: 'VALIDATION_FAILED', details: [{ field: 'secret', reason: 'must be at least 16 characters' }] },
      },
    });
    const pd = await t.call('POST', '/api/v1/integrations', { body: { provider: 'pagerduty', name: 'pd' } });
    expect(pd).toMatchObject({
      status: 400,
      body: { error: { details: [{ field: 'secret', reason: 'is required for PagerDuty' }] } },
    });
    const unknown = await t.call('POST', '/api/v1/integrations', {
      body: { provider: 'bitbucket', name: 'x', extra: 1 },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.map((d: any) => d.field).sort()).toEqual(['extra', 'provider']);
    expect((await t.call('DELETE', '/api/v1/integrations/999999')).status).toBe(404);
  });

  it('is for admins only', async () => {
    for (const role of ['viewer', 'member'] as const) {
      expect((await t.call('GET', '/api/v1/integrations', { role })).status).toBe(403);
      expect(
        (await t.call('POST', '/api/v1/integrations', { role, body: { provider: 'github', name: `by-${role}` } }))
          .status,
      ).toBe(403);
      expect((await t.call('DELETE', '/api/v1/integrations/1', { role })).status).toBe(403);
    }
    expect((await t.call('GET', '/api/v1/integrations', { role: null })).status).toBe(401);
    expect((await t.call('GET', '/api/v1/integrations')).body.items.map((i: any) => i.name)).toEqual([
      'acme-org',
      'acme-org',
    ]);
  });
});

describe('webhooks verified by integration secrets', () => {
  it('accepts deliveries signed with an integration secret, records which one, and refuses them once it is deleted', async () => {
    const gh = await t.call('POST', '/api/v1/integrations', { body: { provider: 'github', name: 'second-org' } });
    const pdSecret = 'pagerduty-generated-signing-secret==';
    const pd = await t.call('POST', '/api/v1/integrations', {
      body: { provider: 'pagerduty', name: 'pd', secret: pdSecret },
    });
    const gl = (await t.call('GET', '/api/v1/integrations')).body.items.find((i: any) => i.provider === 'gitlab');

    expect(await github(gh.body.secret, 'gh-integration')).toEqual({
      status: 202,
      body: { status: 'ignored', deliveryId: 'gh-integration' },
    });
    expect(await github(ENV_SECRET, 'gh-env')).toMatchObject({ status: 202 });
    expect(await gitlab('gitlab-token-chosen-by-people', 'gl-1')).toBe(202);
    expect(await pagerduty(pdSecret, 'pd-1')).toBe(202);
    expect(await delivery('gh-integration')).toEqual({ status: 'ignored', integration_id: gh.body.id });
    expect(await delivery('gh-env')).toEqual({ status: 'ignored', integration_id: null });
    expect((await delivery('gl-1'))?.integration_id).toBe(gl.id);
    expect((await delivery('pd-1'))?.integration_id).toBe(pd.body.id);
    const listed = (await t.call('GET', '/api/v1/integrations')).body.items as any[];
    expect(
      listed
        .filter((i) => i.lastDeliveryAt !== null)
        .map((i) => i.name)
        .sort(),
    ).toEqual(['acme-org', 'pd', 'second-org']);

    // A secret of another provider verifies nothing.
    const before = await countDeliveries();
    expect((await github(pdSecret, 'gh-with-pd-secret')).status).toBe(401);
    expect(await gitlab(gh.body.secret, 'gl-with-gh-secret')).toBe(401);

    expect((await t.call('DELETE', `/api/v1/integrations/${gh.body.id}`)).status).toBe(204);
    expect(await github(gh.body.secret, 'gh-after-delete')).toEqual({
      status: 401,
      body: { error: { code: 'INVALID_SIGNATURE', message: 'X-Hub-Signature-256 does not match the body' } },
    });
    expect(await countDeliveries()).toBe(before);
    // The delivery it verified is kept; it no longer names the deleted integration.
    expect(await delivery('gh-integration')).toEqual({ status: 'ignored', integration_id: null });

    expect((await t.call('DELETE', `/api/v1/integrations/${gl.id}`)).status).toBe(204);
    const unconfigured = await t.app.request('/webhooks/gitlab', {
      method: 'POST',
      headers: { 'x-gitlab-event': 'Push Hook', 'x-gitlab-token': 'gitlab-token-chosen-by-people' },
      body: '{}',
    });
    expect(await unconfigured.json()).toEqual({
      error: {
        code: 'INVALID_SIGNATURE',
        message: 'GitLab webhooks are not configured: set PAVED_GITLAB_WEBHOOK_TOKEN or add an integration',
      },
    });
    expect(await countDeliveries()).toBe(before);
  });
});
