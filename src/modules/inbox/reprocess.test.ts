import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { componentDoc, documents, groupDoc } from '../../../test/descriptors.js';
import { createRegistry } from '../../jobs/registry.js';
import { JobRunner } from '../../jobs/runner.js';
import { silentLogger } from '../../http/logger.js';
import { runImport } from '../imports/run-import.js';
import { deriveDeliveryJob } from './derive-job.js';
import { REPROCESS_DELIVERIES, reprocessDeliveries, reprocessJob } from './reprocess.js';
import { githubExample } from '../../../test/github-examples.js';

const SECRET = 'gh-secret';
let t: TestApp;

// GitHub's own example payloads (@octokit/webhooks-examples), for Codertocat/Hello-World.
const push = githubExample('push', 4); // refs/heads/master, one commit 6113728f… at 2019-05-15T15:19:25Z
const success = githubExample('deployment_status', 0); // success, production, finished 2019-05-15T15:20:55Z
success.deployment.sha = push.commits[0].id;
const broken = structuredClone(success);
delete broken.deployment.sha;
broken.deployment.id = 999;

async function deliver(event: string, payload: unknown, deliveryId: string) {
  const body = JSON.stringify(payload);
  const signature = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
  const res = await t.app.request('/webhooks/github', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': event,
      'x-github-delivery': deliveryId,
      'x-hub-signature-256': signature,
    },
    body,
  });
  expect(res.status).toBe(202);
}

const runner = () =>
  new JobRunner(
    t.database.db,
    createRegistry([deriveDeliveryJob(t.database.db), reprocessJob(t.database.db)]),
    silentLogger,
  );
const count = async (table: 'deployments' | 'changes' | 'incidents' | 'deliveries') =>
  (
    await t.database.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;
const statuses = async () =>
  (await t.database.db.selectFrom('deliveries').select(['delivery_id', 'status']).orderBy('id').execute()).map(
    (r) => `${r.delivery_id} ${r.status}`,
  );
const lastReprocessResult = async () =>
  (
    await t.database.db
      .selectFrom('jobs')
      .select('result')
      .where('type', '=', REPROCESS_DELIVERIES.name)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
  ).result;
const dora = async () =>
  (await t.call('GET', '/api/v1/dora?scope=service:hello-world&from=2019-05-15T00:00:00Z&to=2019-05-16T00:00:00Z'))
    .body;

beforeAll(async () => {
  t = await createTestApp({ webhookSecrets: { github: [SECRET] } });
  // The repository is not annotated yet: what it sends maps to no service.
  await runImport(t.database.db, {
    files: [{ path: 'c.yaml', content: documents(groupDoc('core'), componentDoc('hello-world', 'core')) }],
    source: 't',
    skipInvalid: false,
    actor: 't',
  });
  await deliver('push', push, 'd-push');
  await deliver('deployment_status', success, 'd-ok');
  await deliver('deployment_status', broken, 'd-broken');
  await deliver('star', {}, 'd-star'); // an event Paved does not read: ignored on arrival
  await runner().drain();
});
afterAll(() => t.close());

describe('GET /api/v1/deliveries', () => {
  it('lists deliveries newest first, page by page, and shows why one failed', async () => {
    const first = await t.call('GET', '/api/v1/deliveries?limit=3', { role: 'viewer' });
    expect(first.status).toBe(200);
    expect(first.body.items.map((d: { deliveryId: string; status: string }) => `${d.deliveryId} ${d.status}`)).toEqual([
      'd-star ignored',
      'd-broken failed',
      'd-ok processed',
    ]);
    expect(first.body.items[1]).toEqual({
      id: expect.any(String),
      source: 'github',
      deliveryId: 'd-broken',
      event: 'deployment_status',
      status: 'failed',
      error: 'deployment.sha is missing',
      receivedAt: expect.stringMatching(/Z$/),
      processedAt: expect.stringMatching(/Z$/),
    });
    const rest = await t.call('GET', `/api/v1/deliveries?limit=3&cursor=${first.body.nextCursor}`);
    expect(rest.body.items.map((d: { deliveryId: string }) => d.deliveryId)).toEqual(['d-push']);
    expect(rest.body.nextCursor).toBeNull();

    const failed = await t.call('GET', '/api/v1/deliveries?status=failed&source=github');
    expect(failed.body.items.map((d: { deliveryId: string; error: string }) => [d.deliveryId, d.error])).toEqual([
      ['d-broken', 'deployment.sha is missing'],
    ]);
    expect((await t.call('GET', '/api/v1/deliveries?source=pagerduty')).body).toEqual({ items: [], nextCursor: null });
  });

  it('names the field of a bad filter or cursor', async () => {
    const status = await t.call('GET', '/api/v1/deliveries?status=lost');
    expect(status.status).toBe(400);
    expect(status.body.error.details[0].field).toBe('status');
    expect((await t.call('GET', '/api/v1/deliveries?limit=501')).body.error.details[0].field).toBe('limit');
    expect((await t.call('GET', '/api/v1/deliveries?cursor=nonsense')).body.error.details).toEqual([
      { field: 'cursor', reason: 'not a cursor this API returned' },
    ]);
  });
});

describe('POST /api/v1/deliveries/reprocess', () => {
  it('derives the read deliveries again once the repository is annotated, maps the change, and counts nothing twice', async () => {
    expect(await dora()).toMatchObject({ deployments: 0 });
    await runImport(t.database.db, {
      files: [
        {
          path: 'c.yaml',
          content: documents(
            groupDoc('core'),
            componentDoc('hello-world', 'core', {
              annotations: { 'github.com/project-slug': 'Codertocat/Hello-World' },
            }),
          ),
        },
      ],
      source: 't',
      skipInvalid: false,
      actor: 't',
    });
    expect((await t.call('POST', '/api/v1/deliveries/reprocess', { role: 'viewer', body: {} })).status).toBe(403);
    // push, the deployment and the broken one are events Paved reads; the star delivery is not.
    expect(await t.call('POST', '/api/v1/deliveries/reprocess', { body: {} })).toEqual({
      status: 202,
      body: { queued: 3 },
    });
    expect(await runner().drain()).toBe(1);
    // Deriving the deployment again maps it; the change is only mapped by the remap that follows.
    expect(await lastReprocessResult()).toEqual({
      deliveries: 3,
      processed: 2,
      ignored: 0,
      failed: 1,
      remapped: { deployments: 0, changes: 1, incidents: 0 },
    });
    expect(await statuses()).toEqual(['d-push processed', 'd-ok processed', 'd-broken failed', 'd-star ignored']);
    // One deployment in one day (1/day) shipping the commit pushed 90 s before it: lead time 0.025 h.
    const after = await dora();
    expect(after).toMatchObject({
      deployments: 1,
      deploymentFrequency: { perDay: 1, perWeek: 7 },
      changeLeadTime: { medianHours: 0.025, n: 1 },
      changeFailRate: { value: 0, failed: 0, total: 1 },
    });

    // Again, with no body: the same facts, nothing counted twice.
    expect(await t.call('POST', '/api/v1/deliveries/reprocess')).toEqual({ status: 202, body: { queued: 3 } });
    await runner().drain();
    expect(await lastReprocessResult()).toEqual({
      deliveries: 3,
      processed: 2,
      ignored: 0,
      failed: 1,
      remapped: { deployments: 0, changes: 0, incidents: 0 },
    });
    expect([await count('deployments'), await count('changes'), await count('deliveries')]).toEqual([1, 1, 4]);
    expect(await dora()).toEqual(after);
  });

  it('can take only the failed deliveries, and refuses an unknown status', async () => {
    expect(await t.call('POST', '/api/v1/deliveries/reprocess', { body: { status: 'failed' } })).toEqual({
      status: 202,
      body: { queued: 1 },
    });
    await runner().drain();
    expect(await lastReprocessResult()).toMatchObject({ deliveries: 1, failed: 1 });
    const bad = await t.call('POST', '/api/v1/deliveries/reprocess', { body: { status: 'some' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('status');
  });

  it('walks many deliveries as a chain of batches, and runs in-process the same way', async () => {
    // 450 PagerDuty deliveries of an event Paved does not use (derived as ignored), stored as the webhook stores them.
    await t.database.db
      .insertInto('deliveries')
      .values(
        Array.from({ length: 450 }, (_, i) => ({
          source: 'pagerduty' as const,
          delivery_id: `pd-${i}`,
          event: 'service.updated',
          body: JSON.stringify({ event: { id: `pd-${i}`, event_type: 'service.updated' } }),
          error: null,
          processed_at: null,
        })),
      )
      .execute();
    expect((await t.call('POST', '/api/v1/deliveries/reprocess')).body).toEqual({ queued: 453 });
    // Batches of 200 in id order, one job each: the 3 GitHub deliveries and 197 PagerDuty ones, then 200, then the last 53.
    expect(await runner().drain()).toBe(3);
    expect(await lastReprocessResult()).toEqual({
      deliveries: 53,
      processed: 0,
      ignored: 53,
      failed: 0,
      remapped: { deployments: 0, changes: 0, incidents: 0 },
    });
    expect(
      await t.database.db
        .selectFrom('deliveries')
        .select('status')
        .where('source', '=', 'pagerduty')
        .where('status', '!=', 'ignored')
        .execute(),
    ).toEqual([]);

    const direct = await reprocessDeliveries(t.database.db, 'all');
    expect(direct).toEqual({
      deliveries: 453,
      processed: 2,
      ignored: 450,
      failed: 1,
      remapped: { deployments: 0, changes: 0, incidents: 0 },
    });
    expect([await count('deployments'), await count('changes')]).toEqual([1, 1]);
  });
});
