import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { componentDoc, documents, groupDoc } from '../../../../test/descriptors.js';
import { createRegistry } from '../../../jobs/registry.js';
import { JobRunner } from '../../../jobs/runner.js';
import { silentLogger } from '../../../http/logger.js';
import { runImport } from '../../imports/run-import.js';
import { deriveDeliveryJob } from '../../inbox/derive-job.js';
import { githubExample } from '../../../../test/github-examples.js';

const GITHUB_SECRET = 'gh-secret';
const PAGERDUTY_SECRET = 'pd-secret';
let t: TestApp;

// GitHub's own example payloads (@octokit/webhooks-examples), for Codertocat/Hello-World.
const push = githubExample('push', 4); // refs/heads/master, one commit 6113728f… at 2019-05-15T15:19:25Z
const success = githubExample('deployment_status', 0); // success, production, finished 2019-05-15T15:20:55Z
success.deployment.sha = push.commits[0].id;

async function deliverGithub(event: string, payload: unknown, deliveryId: string) {
  const body = JSON.stringify(payload);
  const signature = `sha256=${createHmac('sha256', GITHUB_SECRET).update(body).digest('hex')}`;
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

/** A PagerDuty webhooks v3 incident event, with the fields PagerDuty's documentation shows that Paved reads. */
async function deliverPagerDuty(eventId: string, type: string, occurredAt: string) {
  const data = {
    id: 'PGR0VU2',
    type: 'incident',
    status: type.slice('incident.'.length),
    created_at: '2019-05-15T16:00:00Z',
    title: 'Checkout is slow',
    urgency: 'high',
    service: { id: 'PF9KMXH', type: 'service_reference', summary: 'Hello World' },
  };
  const body = JSON.stringify({
    event: { id: eventId, event_type: type, resource_type: 'incident', occurred_at: occurredAt, data },
  });
  const res = await t.app.request('/webhooks/pagerduty', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-pagerduty-signature': `v1=${createHmac('sha256', PAGERDUTY_SECRET).update(body).digest('hex')}`,
    },
    body,
  });
  expect(res.status).toBe(202);
}

const importCatalog = (...docs: string[]) =>
  runImport(t.database.db, {
    files: [{ path: 'c.yaml', content: documents(groupDoc('core'), ...docs) }],
    source: 't',
    skipInvalid: false,
    actor: 't',
  });
const drain = () =>
  new JobRunner(t.database.db, createRegistry([deriveDeliveryJob(t.database.db)]), silentLogger).drain();
const day = 'from=2019-05-15T00:00:00Z&to=2019-05-16T00:00:00Z';
const serviceIdsOf = async (table: 'deployments' | 'changes' | 'incidents') =>
  (await t.database.db.selectFrom(table).select('service_id').execute()).map((r) => r.service_id);

beforeAll(async () => {
  t = await createTestApp({ webhookSecrets: { github: [GITHUB_SECRET], pagerduty: [PAGERDUTY_SECRET] } });
  await importCatalog(componentDoc('hello-world', 'core'));
  await deliverGithub('push', push, 'd-push');
  await deliverGithub('deployment_status', success, 'd-deploy');
  await deliverPagerDuty('pd-trig', 'incident.triggered', '2019-05-15T16:00:01Z');
  await deliverPagerDuty('pd-res', 'incident.resolved', '2019-05-15T17:30:00Z');
  expect(await drain()).toBe(1); // one job derives every pending delivery
});
afterAll(() => t.close());

describe('unmapped facts', () => {
  it('lists facts that map to no service by their outside name, the most recently seen first', async () => {
    const res = await t.call('GET', '/api/v1/unmapped', { role: 'viewer' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: [
        {
          source: 'pagerduty',
          name: 'PF9KMXH',
          annotation: 'pagerduty.com/service-id',
          deployments: 0,
          changes: 0,
          incidents: 1,
          lastSeen: '2019-05-15T16:00:00.000Z',
        },
        {
          source: 'github',
          name: 'codertocat/hello-world',
          annotation: 'github.com/project-slug',
          deployments: 1,
          changes: 1,
          incidents: 0,
          lastSeen: '2019-05-15T15:20:55.000Z',
        },
      ],
    });
    const dora = await t.call('GET', `/api/v1/dora?scope=service:hello-world&${day}`);
    expect(dora.body).toMatchObject({
      deployments: 0,
      changeFailRate: { value: null, failed: 0, total: 0 },
      incidentRecoveryTime: { medianHours: null, n: 0, unresolved: 0 },
    });
  });

  it('maps them once the catalog has the annotations, and the DORA numbers follow', async () => {
    // The slug's case differs from the repository's: slugs match whatever their case.
    await importCatalog(
      componentDoc('hello-world', 'core', {
        annotations: { 'github.com/project-slug': 'CODERTOCAT/hello-world', 'pagerduty.com/service-id': 'PF9KMXH' },
      }),
    );
    expect((await t.call('POST', '/api/v1/unmapped/remap', { role: 'viewer' })).status).toBe(403);
    const remap = await t.call('POST', '/api/v1/unmapped/remap');
    expect(remap).toEqual({ status: 200, body: { deployments: 1, changes: 1, incidents: 1 } });
    expect((await t.call('GET', '/api/v1/unmapped')).body).toEqual({ items: [] });

    // One deployment (15:20:55) in one day: 1/day, 7/week. It ships the commit of 15:19:25: lead time 90 s = 0.025 h.
    // The incident (triggered 16:00, within 7 days after it) fails it: 1/1; recovery 16:00 → 17:30 = 1.5 h, which is
    // also the incident's recovery time. No incident was open at 15:20:55: rework 0/1.
    const dora = await t.call('GET', `/api/v1/dora?scope=service:hello-world&${day}`);
    expect(dora.body).toEqual({
      scope: 'service:hello-world',
      from: '2019-05-15T00:00:00.000Z',
      to: '2019-05-16T00:00:00.000Z',
      deployments: 1,
      deploymentFrequency: { perDay: 1, perWeek: 7 },
      changeLeadTime: { medianHours: 0.025, n: 1 },
      changeFailRate: { value: 1, failed: 1, total: 1 },
      failedDeploymentRecoveryTime: { medianHours: 1.5, n: 1 },
      reworkRate: { value: 0, rework: 0, total: 1 },
      incidentRecoveryTime: { medianHours: 1.5, n: 1, unresolved: 0 },
      levels: { deploymentFrequency: 'elite', changeLeadTime: 'elite', changeFailRate: 'low', recoveryTime: 'high' },
    });
    // A second remap finds nothing left to map.
    expect((await t.call('POST', '/api/v1/unmapped/remap')).body).toEqual({ deployments: 0, changes: 0, incidents: 0 });
  });

  it('moves facts of a service that left the catalog to the service that now claims their name', async () => {
    const before = await serviceIdsOf('deployments');
    // hello-world leaves the catalog (orphaned) and greeter takes over its repository and PagerDuty service.
    await importCatalog(
      componentDoc('greeter', 'core', {
        annotations: { 'github.com/project-slug': 'codertocat/hello-world', 'pagerduty.com/service-id': 'PF9KMXH' },
      }),
    );
    expect(await serviceIdsOf('deployments')).toEqual(before);
    expect((await t.call('POST', '/api/v1/unmapped/remap')).body).toEqual({ deployments: 1, changes: 1, incidents: 1 });
    const greeter = await t.database.db
      .selectFrom('entities')
      .select('id')
      .where('ref', '=', 'component:default/greeter')
      .executeTakeFirstOrThrow();
    expect([
      ...(await serviceIdsOf('deployments')),
      ...(await serviceIdsOf('changes')),
      ...(await serviceIdsOf('incidents')),
    ]).toEqual([greeter.id, greeter.id, greeter.id]);
    // The same facts, now greeter's: still one deployment, failed, shipping one commit.
    expect((await t.call('GET', `/api/v1/dora?scope=service:greeter&${day}`)).body).toMatchObject({
      deployments: 1,
      changeLeadTime: { medianHours: 0.025, n: 1 },
      changeFailRate: { value: 1, failed: 1, total: 1 },
    });
    expect((await t.call('GET', `/api/v1/dora?scope=service:hello-world&${day}`)).body.deployments).toBe(0);
  });
});
