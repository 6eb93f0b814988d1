import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { componentDoc, documents, groupDoc } from '../../../test/descriptors.js';
import { createRegistry } from '../../jobs/registry.js';
import { JobRunner } from '../../jobs/runner.js';
import { silentLogger } from '../../http/logger.js';
import { runImport } from '../imports/run-import.js';
import { deriveStoredDelivery } from './derive.js';
import { deriveDeliveryJob } from './derive-job.js';
import { githubExample } from '../../../test/github-examples.js';

const SECRET = 'webhook-test-secret';
let t: TestApp;

// GitHub's own example payloads (@octokit/webhooks-examples), for Codertocat/Hello-World.
const push = githubExample('push', 4); // refs/heads/master, one commit 6113728f… at 2019-05-15T15:19:25Z
const success = githubExample('deployment_status', 0); // success, production, finished 2019-05-15T15:20:55Z
success.deployment.sha = push.commits[0].id; // make the deployment ship the pushed commit
const pages = githubExample('deployment_status', 1); // in_progress, github-pages: not a production deployment

async function deliver(
  event: string,
  payload: unknown,
  deliveryId: string,
  options: { secret?: string; body?: string } = {},
) {
  const body = options.body ?? JSON.stringify(payload);
  const signature = `sha256=${createHmac('sha256', options.secret ?? SECRET)
    .update(body)
    .digest('hex')}`;
  const res = await t.app.request('/webhooks/github', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      'x-github-event': event,
      'x-github-delivery': deliveryId,
      'x-hub-signature-256': signature,
    },
    body,
  });
  return { status: res.status, body: (await res.json()) as any };
}
const drain = () =>
  new JobRunner(t.database.db, createRegistry([deriveDeliveryJob(t.database.db)]), silentLogger).drain();
const countDeliveries = async () =>
  (
    await t.database.db
      .selectFrom('deliveries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

beforeAll(async () => {
  t = await createTestApp({ webhookSecrets: { github: ['old-secret', SECRET] } });
  const catalog = documents(
    groupDoc('core'),
    componentDoc('hello-world', 'core', { annotations: { 'github.com/project-slug': 'Codertocat/Hello-World' } }),
  );
  await runImport(t.database.db, {
    files: [{ path: 'c.yaml', content: catalog }],
    source: 't',
    skipInvalid: false,
    actor: 't',
  });
});
afterAll(() => t.close());

describe('POST /webhooks/github', () => {
  it('verifies, stores raw, answers 202, and derives facts once however often GitHub redelivers', async () => {
    expect(await deliver('push', push, 'd-push')).toEqual({
      status: 202,
      body: { status: 'accepted', deliveryId: 'd-push' },
    });
    expect(await deliver('push', push, 'd-push')).toEqual({
      status: 202,
      body: { status: 'duplicate', deliveryId: 'd-push' },
    });
    expect((await deliver('deployment_status', success, 'd-ok')).body.status).toBe('accepted');
    expect((await deliver('deployment_status', pages, 'd-pages')).body.status).toBe('accepted');
    expect((await deliver('star', {}, 'd-star')).body.status).toBe('ignored');
    expect(await drain()).toBe(1); // one job derives every pending delivery

    const deliveries = await t.database.db
      .selectFrom('deliveries')
      .select(['delivery_id', 'status'])
      .orderBy('id')
      .execute();
    expect(deliveries).toEqual([
      { delivery_id: 'd-push', status: 'processed' },
      { delivery_id: 'd-ok', status: 'processed' },
      { delivery_id: 'd-pages', status: 'ignored' },
      { delivery_id: 'd-star', status: 'ignored' },
    ]);
    // One production deployment at 15:20:55 shipping the commit of 15:19:25: lead time 90 s = 0.025 h.
    const dora = await t.call(
      'GET',
      '/api/v1/dora?scope=service:hello-world&from=2019-05-15T00:00:00Z&to=2019-05-16T00:00:00Z',
    );
    expect(dora.body).toMatchObject({
      deployments: 1,
      changeLeadTime: { medianHours: 0.025, n: 1 },
      changeFailRate: { value: 0, failed: 0, total: 1 },
    });

    // Re-deriving (a replay, or after a fix) changes nothing.
    expect(await deriveStoredDelivery(t.database.db, 1)).toEqual({ status: 'processed' });
    const changes = await t.database.db.selectFrom('changes').select(['repository', 'commit_sha']).execute();
    expect(changes).toEqual([
      { repository: 'codertocat/hello-world', commit_sha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246' },
    ]);
  });

  it('counts a delivery sent twice at the same moment once (both copies land in one write)', async () => {
    const answers = await Promise.all([deliver('push', push, 'd-twice'), deliver('push', push, 'd-twice')]);
    expect(answers.map((a) => a.body.status).sort()).toEqual(['accepted', 'duplicate']);
    const rows = await t.database.db
      .selectFrom('deliveries')
      .select('id')
      .where('delivery_id', '=', 'd-twice')
      .execute();
    const jobs = await t.database.db
      .selectFrom('jobs')
      .select('id')
      .where('type', '=', 'webhooks.derive')
      .where('status', '=', 'queued')
      .execute();
    expect([rows.length, jobs.length]).toEqual([1, 1]);
  });
  it('refuses a signature over another body, and malformed JSON, storing nothing', async () => {
    const before = await countDeliveries();
    const signedOther = createHmac('sha256', SECRET).update('{"other":true}').digest('hex');
    const res = await t.app.request('/webhooks/github', {
      method: 'POST',
      headers: {
        'x-github-event': 'push',
        'x-github-delivery': 'd-forged',
        'x-hub-signature-256': `sha256=${signedOther}`,
      },
      body: JSON.stringify(push),
    });
    expect(res.status).toBe(401);
    expect(((await res.json()) as any).error.code).toBe('INVALID_SIGNATURE');
    expect((await deliver('push', push, 'd-wrong-secret', { secret: 'nope' })).status).toBe(401);
    const malformed = await deliver('push', null, 'd-malformed', { body: '{"ref": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('MALFORMED_JSON');
    expect(await countDeliveries()).toBe(before);
  });

  it('refuses a delivery over 25 MB with 413, whether its length is declared or streamed, storing nothing', async () => {
    const before = await countDeliveries();
    const big = `{"pad": "${' '.repeat(25 * 1024 * 1024)}"}`;
    const declared = await deliver('push', null, 'd-big', { body: big });
    expect(declared).toEqual({
      status: 413,
      body: { error: { code: 'PAYLOAD_TOO_LARGE', message: 'deliveries are limited to 25 MB' } },
    });
    const bytes = Buffer.from(big);
    const streamed = await t.app.request('/webhooks/github', {
      method: 'POST',
      headers: {
        'x-github-event': 'push',
        'x-github-delivery': 'd-big-streamed',
        'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(bytes).digest('hex')}`,
      },
      body: new ReadableStream({
        start(controller) {
          for (let at = 0; at < bytes.length; at += 1024 * 1024)
            controller.enqueue(bytes.subarray(at, at + 1024 * 1024));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await countDeliveries()).toBe(before);
  });

  it('keeps a delivery that lacks what we need, marked failed with the reason, and derives nothing', async () => {
    const broken = structuredClone(success);
    delete broken.deployment.sha;
    broken.deployment.id = 999;
    expect((await deliver('deployment_status', broken, 'd-broken')).status).toBe(202);
    await drain();
    const row = await t.database.db
      .selectFrom('deliveries')
      .select(['status', 'error'])
      .where('delivery_id', '=', 'd-broken')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'failed', error: 'deployment.sha is missing' });
    expect(
      await t.database.db.selectFrom('deployments').select('external_id').where('external_id', '=', '999').execute(),
    ).toEqual([]);
  });
});

describe('delivery ids GitHub does not sign', () => {
  const ids = async (prefix: string) =>
    (
      await t.database.db
        .selectFrom('deliveries')
        .select('delivery_id')
        .where('delivery_id', 'like', `${prefix}%`)
        .orderBy('delivery_id')
        .execute()
    ).map((r) => r.delivery_id);

  it('refuses an 8,000-character X-GitHub-Delivery with 400 naming it, while the deliveries stored with it get 202', async () => {
    const long = `group-${'x'.repeat(8000)}`;
    const before = await countDeliveries();
    const answers = await Promise.all([
      deliver('push', push, 'group-a'),
      deliver('push', push, long),
      deliver('push', push, 'group-b'),
      deliver('push', push, 'group-c'),
    ]);
    expect(answers.map((a) => a.status)).toEqual([202, 400, 202, 202]);
    expect(answers[1]?.body).toEqual({
      error: {
        code: 'VALIDATION_FAILED',
        message: 'X-GitHub-Delivery: must be 1 to 200 printable characters',
        details: [{ field: 'X-GitHub-Delivery', reason: 'must be 1 to 200 printable characters' }],
      },
    });
    expect(await ids('group-')).toEqual(['group-a', 'group-b', 'group-c']);
    expect(await countDeliveries()).toBe(before + 3);
  });

  it('refuses an X-GitHub-Event over 200 characters, storing nothing', async () => {
    const before = await countDeliveries();
    const answer = await deliver('e'.repeat(201), push, 'long-event');
    expect(answer.status).toBe(400);
    expect(answer.body.error.details).toEqual([
      { field: 'X-GitHub-Event', reason: 'must be 1 to 200 printable characters' },
    ]);
    expect(await countDeliveries()).toBe(before);
  });
});
