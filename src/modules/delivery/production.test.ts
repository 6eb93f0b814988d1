import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { githubExample } from '../../../test/github-examples.js';
import { componentDoc, documents, groupDoc } from '../../../test/descriptors.js';
import { createRegistry } from '../../jobs/registry.js';
import { JobRunner } from '../../jobs/runner.js';
import { loadConfig } from '../../server/config.js';
import { silentLogger } from '../../http/logger.js';
import { runImport } from '../imports/run-import.js';
import { deriveDeliveryJob } from '../inbox/derive-job.js';
import { isProduction, productionPattern } from '../../shared/production.js';

describe('production environments', () => {
  it('are whole names or globs, in any case', () => {
    const standard = productionPattern();
    expect(['production', 'Production', 'PROD'].map((e) => isProduction(e, standard))).toEqual([true, true, true]);
    expect(['production-eu', 'preprod', 'staging'].map((e) => isProduction(e, standard))).toEqual([
      false,
      false,
      false,
    ]);
    const custom = productionPattern(['live', 'prod-*', 'eu.prod']);
    expect(['live', 'prod-eu', 'PROD-US-1', 'eu.prod'].map((e) => isProduction(e, custom))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    // `.` is a dot, not any character; `*` needs the dash before it.
    expect(['euXprod', 'prod', 'production'].map((e) => isProduction(e, custom))).toEqual([false, false, false]);
  });

  it('come from PAVED_PRODUCTION_ENVIRONMENTS, production and prod when unset or empty', () => {
    expect(loadConfig({}).productionEnvironments).toEqual(['production', 'prod']);
    expect(loadConfig({ PAVED_PRODUCTION_ENVIRONMENTS: ' ' }).productionEnvironments).toEqual(['production', 'prod']);
    expect(loadConfig({ PAVED_PRODUCTION_ENVIRONMENTS: 'live, prod-*' }).productionEnvironments).toEqual([
      'live',
      'prod-*',
    ]);
  });
});

describe('with PAVED_PRODUCTION_ENVIRONMENTS=live,prod-*', () => {
  const SECRET = 'production-secret';
  const environments = ['live', 'prod-*'];
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ productionEnvironments: environments, webhookSecrets: { github: [SECRET] } });
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

  it('counts deployments to those environments only, from the API and from webhooks', async () => {
    const day = (h: number) => `2024-06-03T${String(h).padStart(2, '0')}:00:00Z`;
    const posted = await t.call('POST', '/api/v1/deployments', {
      body: [
        { id: 'd-live', service: 'hello-world', environment: 'live', finishedAt: day(9) },
        { id: 'd-eu', service: 'hello-world', environment: 'prod-eu', finishedAt: day(10) },
        { id: 'd-production', service: 'hello-world', environment: 'production', finishedAt: day(11) },
      ],
    });
    expect(posted.status).toBe(200);

    // GitHub's example of a successful deployment status, sent once to prod-us and once to production.
    for (const [environment, id] of [
      ['prod-us', 7001],
      ['production', 7002],
    ] as const) {
      const payload = githubExample('deployment_status', 0);
      payload.deployment.id = id;
      payload.deployment.environment = payload.deployment_status.environment = environment;
      payload.deployment_status.updated_at = day(12);
      const body = JSON.stringify(payload);
      const signature = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
      await t.app.request('/webhooks/github', {
        method: 'POST',
        headers: {
          'x-github-event': 'deployment_status',
          'x-github-delivery': `status-${id}`,
          'x-hub-signature-256': signature,
        },
        body,
      });
    }
    await new JobRunner(
      t.database.db,
      createRegistry([deriveDeliveryJob(t.database.db, { productionEnvironments: environments })]),
      silentLogger,
    ).drain();
    const ignored = await t.database.db
      .selectFrom('deliveries')
      .select('error')
      .where('delivery_id', '=', 'status-7002')
      .executeTakeFirstOrThrow();
    expect(ignored.error).toBe('environment production is not production');

    // live, prod-eu and prod-us count; the API's "production" deployment is kept but does not.
    const period = 'from=2024-06-03T00:00:00Z&to=2024-06-04T00:00:00Z';
    expect((await t.call('GET', `/api/v1/dora?scope=service:hello-world&${period}`)).body).toMatchObject({
      deployments: 3,
      deploymentFrequency: { perDay: 3, perWeek: 21 },
    });
    const list = await t.call('GET', `/api/v1/deployments?scope=service:hello-world&${period}`);
    expect(list.body.items.map((d: { environment: string }) => d.environment)).toEqual(['prod-us', 'prod-eu', 'live']);
  });
});
