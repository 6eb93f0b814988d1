import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { componentDoc, documents, groupDoc } from '../../../test/descriptors.js';
import { createRegistry } from '../../jobs/registry.js';
import { JobRunner } from '../../jobs/runner.js';
import { loadConfig } from '../../server/config.js';
import { silentLogger } from '../../http/logger.js';
import { runImport } from '../imports/run-import.js';
import { matchesGlob } from '../../connectors/github/read-delivery.js';
import { deriveDeliveries, deriveStoredDelivery } from './derive.js';
import { deriveDeliveryJob } from './derive-job.js';
import { githubExample } from '../../../test/github-examples.js';

const SECRET = 'workflow-run-secret';
let t: TestApp;

// GitHub's own example payloads (@octokit/webhooks-examples).
const HEAD = '3484a3fb816e0859fd6e1cea078d76385ff50625'; // octo-org/octo-repo's run, completed 2020-10-05T16:33:49Z
const PAGES = 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e'; // Codertocat/Hello-World's deployment

/** The completed, successful run of octo-org/octo-repo's workflow "test" on master, renamed and re-identified. */
function run(
  o: {
    id?: number;
    name?: string;
    conclusion?: string;
    branch?: string;
    repository?: Record<string, any>;
    sha?: string;
    updatedAt?: string;
  } = {},
) {
  const payload = githubExample('workflow_run', 1);
  if (o.name !== undefined) payload.workflow_run.name = payload.workflow.name = o.name;
  if (o.id !== undefined) payload.workflow_run.id = o.id;
  if (o.conclusion !== undefined) payload.workflow_run.conclusion = o.conclusion;
  if (o.branch !== undefined) payload.workflow_run.head_branch = o.branch;
  if (o.repository) payload.repository = o.repository;
  if (o.sha) payload.workflow_run.head_sha = o.sha;
  if (o.updatedAt) payload.workflow_run.updated_at = o.updatedAt;
  return payload;
}

/** A push to the default branch of this repository with one commit at this time. */
function push(repository: Record<string, any>, sha: string, timestamp: string) {
  const payload = githubExample('push', 4);
  payload.repository = repository;
  payload.ref = `refs/heads/${repository.default_branch}`;
  payload.commits = [{ ...payload.commits[0], id: sha, timestamp }];
  return payload;
}

async function deliver(event: string, payload: unknown, deliveryId: string) {
  const body = JSON.stringify(payload);
  const signature = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
  const res = await t.app.request('/webhooks/github', {
    method: 'POST',
    headers: { 'x-github-event': event, 'x-github-delivery': deliveryId, 'x-hub-signature-256': signature },
    body,
  });
  return ((await res.json()) as { status: string }).status;
}
const drain = () =>
  new JobRunner(t.database.db, createRegistry([deriveDeliveryJob(t.database.db)]), silentLogger).drain();
const status = (deliveryId: string) =>
  t.database.db
    .selectFrom('deliveries')
    .select(['id', 'status', 'error'])
    .where('delivery_id', '=', deliveryId)
    .executeTakeFirstOrThrow();
const deploymentsOf = async (repository: string) =>
  (
    await t.database.db
      .selectFrom('deployments')
      .select(['external_id', 'environment', 'commit_sha', 'finished_at'])
      .where('repository', '=', repository)
      .orderBy('external_id')
      .execute()
  ).map((d) => [d.external_id, d.environment, d.commit_sha, new Date(d.finished_at).toISOString()]);

beforeAll(async () => {
  t = await createTestApp({ webhookSecrets: { github: [SECRET] } });
  const catalog = documents(
    groupDoc('core'),
    componentDoc('octo-repo', 'core', { annotations: { 'github.com/project-slug': 'octo-org/octo-repo' } }),
    componentDoc('hello-world', 'core', {
      annotations: {
        'github.com/project-slug': 'Codertocat/Hello-World',
        'paved.dev/deploy-workflows': '"release*, ship-it"',
      },
    }),
  );
  await runImport(t.database.db, {
    files: [{ path: 'c.yaml', content: catalog }],
    source: 't',
    skipInvalid: false,
    actor: 't',
  });
});
afterAll(() => t.close());

describe('workflow_run deployments', () => {
  it('counts a successful run of a deploy workflow on the default branch once, and nothing else', async () => {
    const octo = run().repository;
    await deliver('push', push(octo, HEAD, '2020-10-05T16:03:49Z'), 'push-1');
    expect(await deliver('workflow_run', run(), 'run-test')).toBe('accepted');
    expect(await deliver('workflow_run', run({ name: 'Deploy to production' }), 'run-deploy')).toBe('accepted');
    expect(await deliver('workflow_run', run({ name: 'Deploy to production' }), 'run-deploy')).toBe('duplicate');
    await deliver('workflow_run', run({ name: 'Deploy to production' }), 'run-deploy-again'); // the same run, delivered anew
    await deliver('workflow_run', githubExample('workflow_run', 3), 'run-requested');
    await deliver('workflow_run', run({ name: 'Deploy to production', id: 2, conclusion: 'failure' }), 'run-failed');
    await deliver('workflow_run', run({ name: 'Deploy to production', id: 3, branch: 'feature' }), 'run-branch');
    await deliver('workflow_run', run({ name: 'Ship it', id: 4 }), 'run-ship');
    expect(await drain()).toBe(1); // one job derives every pending delivery

    expect(await status('run-test')).toMatchObject({
      status: 'ignored',
      error: 'workflow "test" is not a deploy workflow (*deploy*)',
    });
    expect(await status('run-deploy')).toMatchObject({ status: 'processed', error: null });
    expect(await status('run-deploy-again')).toMatchObject({ status: 'processed', error: null });
    expect(await status('run-requested')).toMatchObject({
      status: 'ignored',
      error: 'workflow run requested, not completed',
    });
    expect(await status('run-failed')).toMatchObject({
      status: 'ignored',
      error: 'workflow run concluded failure, not success',
    });
    expect(await status('run-branch')).toMatchObject({
      status: 'ignored',
      error: 'workflow run on feature, not the default branch master',
    });
    expect(await status('run-ship')).toMatchObject({
      status: 'ignored',
      error: 'workflow "Ship it" is not a deploy workflow (*deploy*)',
    });
    expect(await deploymentsOf('octo-org/octo-repo')).toEqual([
      ['workflow_run:289782451', 'production', HEAD, '2020-10-05T16:33:49.000Z'],
    ]);

    // One deployment in one day; it shipped the commit of 16:03:49, 30 minutes before the run completed.
    const dora = await t.call(
      'GET',
      '/api/v1/dora?scope=service:octo-repo&from=2020-10-05T00:00:00Z&to=2020-10-06T00:00:00Z',
    );
    expect(dora.body).toMatchObject({
      deployments: 1,
      deploymentFrequency: { perDay: 1, perWeek: 7 },
      changeLeadTime: { medianHours: 0.5, n: 1 },
    });

    // With PAVED_DEPLOY_WORKFLOWS=ship* the same delivery counts.
    expect(
      await deriveStoredDelivery(t.database.db, (await status('run-ship')).id, { deployWorkflows: ['ship*'] }),
    ).toEqual({ status: 'processed' });
    expect((await deploymentsOf('octo-org/octo-repo')).map((d) => d[0])).toEqual([
      'workflow_run:289782451',
      'workflow_run:4',
    ]);
  });

  it('follows the repository annotation over the global list, and counts a run and its deployment status as one', async () => {
    const status1 = githubExample('deployment_status', 1); // pages build and deployment: run 289782451 of Codertocat/Hello-World
    const hello = status1.repository;
    status1.deployment_status.state = 'success';
    status1.deployment_status.environment = status1.deployment.environment = 'production';
    status1.deployment_status.updated_at = '2022-01-03T01:29:10Z';
    await deliver('push', push(hello, PAGES, '2022-01-03T00:29:10Z'), 'push-2');
    await deliver('workflow_run', run({ name: 'Deploy', id: 1000, repository: hello, sha: PAGES }), 'hello-deploy');
    // Its run, completed a little after the deployment status (GitHub's run id in both payloads).
    await deliver(
      'workflow_run',
      run({
        name: 'Release',
        id: status1.workflow_run.id,
        repository: hello,
        sha: PAGES,
        updatedAt: '2022-01-03T01:30:00Z',
      }),
      'hello-release',
    );
    await deliver('deployment_status', status1, 'hello-status');
    // Deployments are counted from their statuses; pull requests give no changes.
    await deliver('deployment', githubExample('deployment', 0), 'hello-deployment');
    await deliver('pull_request', githubExample('pull_request', 0), 'hello-pr');
    expect(await drain()).toBe(1);

    expect(await status('hello-deploy')).toMatchObject({
      status: 'ignored',
      error: 'workflow "Deploy" is not a deploy workflow (release*, ship-it)',
    });
    expect(await status('hello-deployment')).toMatchObject({
      status: 'ignored',
      error: 'a deployment counts when its deployment_status succeeds',
    });
    expect(await status('hello-pr')).toMatchObject({
      status: 'ignored',
      error: 'changes come from pushes to the default branch (or the API), not pull requests',
    });
    // One deployment: the status's time wins over the run's, whichever was derived last.
    const oneDeployment = [['workflow_run:289782451', 'production', PAGES, '2022-01-03T01:29:10.000Z']];
    expect(await deploymentsOf('codertocat/hello-world')).toEqual(oneDeployment);
    expect(await deriveStoredDelivery(t.database.db, (await status('hello-release')).id)).toEqual({
      status: 'processed',
    });
    expect(await deploymentsOf('codertocat/hello-world')).toEqual(oneDeployment);

    // One deployment at 01:29:10 shipping the commit of 00:29:10: a lead time of 1 h.
    const dora = await t.call(
      'GET',
      '/api/v1/dora?scope=service:hello-world&from=2022-01-03T00:00:00Z&to=2022-01-04T00:00:00Z',
    );
    expect(dora.body).toMatchObject({ deployments: 1, changeLeadTime: { medianHours: 1, n: 1 } });
  });
});

describe('deliveries derived together', () => {
  it('give the facts they give one by one, and a bad one fails alone', async () => {
    const octo = run().repository;
    const X = 'aa'.repeat(20);
    /** A successful production deployment status of workflow run `runId` of octo-org/octo-repo. */
    const statusOf = (runId: number, updatedAt: string) => {
      const payload = githubExample('deployment_status', 1);
      payload.repository = octo;
      payload.workflow_run.id = runId;
      payload.deployment.sha = X;
      payload.deployment_status.state = 'success';
      payload.deployment_status.environment = payload.deployment.environment = 'production';
      payload.deployment_status.updated_at = updatedAt;
      return payload;
    };
    const broken = statusOf(5003, '2023-03-01T12:00:00Z');
    delete broken.deployment.sha;
    const sent: [string, unknown, string][] = [
      ['push', push(octo, X, '2023-03-01T09:00:00Z'), 'batch-push-1'],
      ['push', push(octo, X, '2023-03-01T09:30:00Z'), 'batch-push-2'], // the same commit again: the first record stands
      ['workflow_run', run({ name: 'Deploy', id: 5001, sha: X, updatedAt: '2023-03-01T10:05:00Z' }), 'batch-run-5001'],
      ['deployment_status', statusOf(5001, '2023-03-01T10:00:00Z'), 'batch-status-5001'],
      ['deployment_status', broken, 'batch-broken'],
      ['deployment_status', statusOf(5002, '2023-03-01T11:00:00Z'), 'batch-status-5002'],
      ['workflow_run', run({ name: 'Deploy', id: 5002, sha: X, updatedAt: '2023-03-01T11:05:00Z' }), 'batch-run-5002'],
    ];
    for (const [event, payload, id] of sent) expect(await deliver(event, payload, id)).toBe('accepted');
    const ids = await Promise.all(sent.map(async ([, , id]) => (await status(id)).id));

    const outcomes = await deriveDeliveries(t.database.db, ids);
    expect(ids.map((id) => outcomes.get(id))).toEqual([
      { status: 'processed' },
      { status: 'processed' },
      { status: 'processed' },
      { status: 'processed' },
      { status: 'failed', reason: 'deployment.sha is missing' },
      { status: 'processed' },
      { status: 'processed' },
    ]);
    const facts = async () => ({
      change: await t.database.db
        .selectFrom('changes')
        .select(['committed_at', 'delivery_id'])
        .where('commit_sha', '=', X)
        .execute(),
      deployments: (await deploymentsOf('octo-org/octo-repo')).filter((d) =>
        String(d[0]).startsWith('workflow_run:500'),
      ),
    });
    const expected = {
      change: [{ committed_at: new Date('2023-03-01T09:00:00Z'), delivery_id: ids[0] }],
      // A run's deployment status gives its time, whether it came before or after the run.
      deployments: [
        ['workflow_run:5001', 'production', X, '2023-03-01T10:00:00.000Z'],
        ['workflow_run:5002', 'production', X, '2023-03-01T11:00:00.000Z'],
      ],
    };
    expect(await facts()).toEqual(expected);
    // Derived again one by one, in the same order: nothing changes.
    for (const id of ids) await deriveStoredDelivery(t.database.db, id);
    expect(await facts()).toEqual(expected);
    expect(await status('batch-broken')).toMatchObject({ status: 'failed', error: 'deployment.sha is missing' });
  });
});

describe('deploy workflow patterns', () => {
  it('match whole names, ignoring case', () => {
    expect(matchesGlob('Deploy to production', '*deploy*')).toBe(true);
    expect(matchesGlob('CI / Deploy', '*deploy*')).toBe(true);
    expect(matchesGlob('SHIP-IT', 'ship-it')).toBe(true);
    expect(matchesGlob('release 1.2', 'release ?.?')).toBe(true);
    expect(matchesGlob('Build', '*deploy*')).toBe(false);
    expect(matchesGlob('axb', 'a.b')).toBe(false);
    expect(matchesGlob('pre-deploy checks', 'deploy*')).toBe(false);
  });

  it('come from PAVED_DEPLOY_WORKFLOWS, with *deploy* when unset and none when empty', () => {
    expect(loadConfig({}).deployWorkflows).toEqual(['*deploy*']);
    expect(loadConfig({ PAVED_DEPLOY_WORKFLOWS: 'deploy*, Release ,' }).deployWorkflows).toEqual([
      'deploy*',
      'Release',
    ]);
    expect(loadConfig({ PAVED_DEPLOY_WORKFLOWS: '' }).deployWorkflows).toEqual([]);
  });
});
