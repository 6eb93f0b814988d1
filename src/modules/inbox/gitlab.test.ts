import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { componentDoc, documents, groupDoc } from '../../../test/descriptors.js';
import { createRegistry } from '../../jobs/registry.js';
import { JobRunner } from '../../jobs/runner.js';
import { silentLogger } from '../../http/logger.js';
import { runImport } from '../imports/run-import.js';
import { deriveDeliveryJob } from './derive-job.js';

const TOKEN = 'gitlab-test-token';
let t: TestApp;

// Payloads shaped as in GitLab's documentation ("Webhook events": Pipeline events, Deployment events), with the
// fields GitLab sends and the documented values, for the documented project gitlab-org/gitlab-test.
const project = {
  id: 1,
  name: 'Gitlab Test',
  web_url: 'http://192.168.64.1:3005/gitlab-org/gitlab-test',
  namespace: 'Gitlab Org',
  visibility_level: 20,
  path_with_namespace: 'gitlab-org/gitlab-test',
  default_branch: 'master',
};
const C1 = 'bcbb5ec396a2c0f828686f14fac9b80b780504f2'; // the documented pipeline's commit, 2016-08-12T17:23:21+02:00
const C2 = '2293ada6b400935a1378653304eaf6221e0fdb8f'; // the documented job's commit, given a later time here

const build = (id: number, name: string, status: string, environment: string | null) => ({
  id,
  stage: environment ? 'deploy' : 'test',
  name,
  status,
  created_at: '2016-08-12 15:23:28 UTC',
  started_at: status === 'success' ? '2016-08-12 15:24:56 UTC' : null,
  finished_at: status === 'success' ? '2016-08-12 15:25:26 UTC' : null,
  when: 'on_success',
  manual: false,
  allow_failure: false,
  environment: environment ? { name: environment, action: 'start', deployment_tier: environment } : null,
});

function pipelineHook(o: {
  id: number;
  commit: string;
  timestamp: string;
  status: string;
  source?: string;
  ref?: string;
  builds?: unknown[];
}) {
  return {
    object_kind: 'pipeline',
    object_attributes: {
      id: o.id,
      iid: 3,
      name: 'Pipeline for branch: master',
      ref: o.ref ?? 'master',
      tag: false,
      sha: o.commit,
      before_sha: o.commit,
      source: o.source ?? 'push',
      status: o.status,
      stages: ['build', 'test', 'deploy'],
      created_at: '2016-08-12 15:23:28 UTC',
      finished_at: '2016-08-12 15:26:29 UTC',
      duration: 63,
      variables: [{ key: 'NESTOR_PROD_ENVIRONMENT', value: 'us-west-1' }],
      url: `http://example.com/gitlab-org/gitlab-test/-/pipelines/${o.id}`,
    },
    user: { id: 1, name: 'Administrator', username: 'root', email: 'user_email@gitlab.com' },
    project,
    commit: {
      id: o.commit,
      message: 'test\n',
      timestamp: o.timestamp,
      url: `http://example.com/gitlab-org/gitlab-test/commit/${o.commit}`,
      author: { name: 'User', email: 'user@gitlab.com' },
    },
    builds: o.builds ?? [
      build(380, 'production', 'skipped', 'production'),
      build(377, 'test-image', 'success', null),
      build(379, 'staging', 'created', 'staging'),
    ],
  };
}

function deploymentHook(o: {
  id: number;
  status: string;
  environment: string;
  commit: string;
  at: string;
  commitUrl?: string;
}) {
  return {
    object_kind: 'deployment',
    status: o.status,
    status_changed_at: o.at,
    deployment_id: o.id,
    deployable_id: 796,
    deployable_url: 'http://192.168.64.1:3005/gitlab-org/gitlab-test/-/jobs/796',
    environment: o.environment,
    environment_tier: o.environment,
    environment_slug: o.environment,
    environment_external_url: `https://${o.environment}.example.com`,
    project,
    short_sha: o.commit.slice(0, 8),
    user: { id: 1, name: 'Administrator', username: 'root', email: 'admin@example.com' },
    user_url: 'http://192.168.64.1:3005/root',
    commit_url: o.commitUrl ?? `http://192.168.64.1:3005/gitlab-org/gitlab-test/-/commit/${o.commit}`,
    commit_title: 'Add new file',
  };
}

/** A Push Hook as in GitLab's documentation (its two commits, their ids and times), to this ref. */
function pushHook(ref: string) {
  const commits = [
    {
      id: 'b6568db1bc1dcd7f8b4d5a946b0b91f9dacd7327',
      message:
        'Update Catalan translation to e38cb41.\n\nSee https://gitlab.com/gitlab-org/gitlab for more information',
      timestamp: '2011-12-12T14:27:31+02:00',
    },
    { id: 'da1560886d4f094c3e6c9ef40349f7d38b5d27d7', message: 'fixed readme', timestamp: '2012-01-03T23:36:29+02:00' },
  ];
  return {
    object_kind: 'push',
    event_name: 'push',
    before: '95790bf891e76fee5e1747ab589903a6a1f80f22',
    after: 'da1560886d4f094c3e6c9ef40349f7d38b5d27d7',
    ref,
    ref_protected: true,
    checkout_sha: 'da1560886d4f094c3e6c9ef40349f7d38b5d27d7',
    user_id: 4,
    user_name: 'John Smith',
    user_username: 'jsmith',
    project_id: 15,
    project,
    commits: commits.map((c) => ({
      ...c,
      title: c.message.split('\n')[0],
      url: `http://example.com/gitlab-org/gitlab-test/commit/${c.id}`,
      author: { name: 'Jordi Mallach', email: 'jordi@softcatala.org' },
      added: ['CHANGELOG'],
      modified: ['app/controller/application.rb'],
      removed: [],
    })),
    total_commits_count: 2,
    repository: {
      name: 'Gitlab Test',
      url: 'git@example.com:gitlab-org/gitlab-test.git',
      description: '',
      homepage: 'http://example.com/gitlab-org/gitlab-test',
    },
  };
}

async function deliver(event: string, payload: unknown, options: { token?: string | null; key?: string } = {}) {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-gitlab-event': event,
    'x-gitlab-event-uuid': '13792a34-cac6-4fda-95a8-c58e00a3954e',
  };
  if (options.token !== null) headers['x-gitlab-token'] = options.token ?? TOKEN;
  if (options.key) headers['idempotency-key'] = options.key;
  const res = await t.app.request('/webhooks/gitlab', { method: 'POST', headers, body: JSON.stringify(payload) });
  return { status: res.status, body: (await res.json()) as any };
}
const drain = () =>
  new JobRunner(t.database.db, createRegistry([deriveDeliveryJob(t.database.db)]), silentLogger).drain();
const deliveries = () =>
  t.database.db.selectFrom('deliveries').select(['delivery_id', 'event', 'status', 'error']).orderBy('id').execute();

beforeAll(async () => {
  t = await createTestApp({ webhookSecrets: { gitlab: ['rotated-out-token', TOKEN] } });
  const catalog = documents(
    groupDoc('core'),
    componentDoc('gitlab-test', 'core', { annotations: { 'gitlab.com/project-slug': 'gitlab-org/gitlab-test' } }),
  );
  await runImport(t.database.db, {
    files: [{ path: 'c.yaml', content: catalog }],
    source: 't',
    skipInvalid: false,
    actor: 't',
  });
});
afterAll(() => t.close());

describe('POST /webhooks/gitlab', () => {
  it('derives changes from pipelines and deployments from deployment hooks, counting each once', async () => {
    // The documented pipeline runs for a merge request: its commit is not known to be on the default branch.
    expect(
      (
        await deliver(
          'Pipeline Hook',
          pipelineHook({
            id: 31,
            commit: C1,
            timestamp: '2016-08-12T17:23:21+02:00',
            status: 'success',
            source: 'merge_request_event',
          }),
          { key: 'k-mr' },
        )
      ).body.status,
    ).toBe('accepted');
    // The same pipeline pushed to master: C1 committed 15:23:21 UTC.
    expect(
      await deliver(
        'Pipeline Hook',
        pipelineHook({ id: 32, commit: C1, timestamp: '2016-08-12T17:23:21+02:00', status: 'success' }),
        { key: 'k-p32' },
      ),
    ).toEqual({ status: 202, body: { status: 'accepted', deliveryId: 'k-p32' } });
    // C2 at 07:00 UTC the next day; its pipeline failed, but the commit is on master all the same. Its production
    // job succeeded: GitLab reports that deployment with a Deployment Hook (id 16 below), so the job is not counted.
    const p33 = pipelineHook({
      id: 33,
      commit: C2,
      timestamp: '2016-08-13T09:00:00+02:00',
      status: 'failed',
      builds: [build(390, 'deploy-production', 'success', 'production'), build(391, 'smoke', 'failed', null)],
    });
    expect((await deliver('Pipeline Hook', p33, { key: 'k-p33' })).status).toBe(202);
    // A pipeline on another branch says nothing about the default branch.
    expect(
      (
        await deliver(
          'Pipeline Hook',
          pipelineHook({
            id: 34,
            commit: '279484c09fbe69ededfced8c1bb6e6d24616b468',
            timestamp: '2016-08-12T18:00:00+02:00',
            status: 'success',
            ref: 'feature',
          }),
          { key: 'k-p34' },
        )
      ).status,
    ).toBe(202);

    // Deployment 15 of C1: running, then success at 17:53:21 +0200 = 15:53:21 UTC.
    await deliver(
      'Deployment Hook',
      deploymentHook({
        id: 15,
        status: 'running',
        environment: 'production',
        commit: C1,
        at: '2016-08-12 17:50:00 +0200',
      }),
      { key: 'k-d15-running' },
    );
    const d15 = deploymentHook({
      id: 15,
      status: 'success',
      environment: 'production',
      commit: C1,
      at: '2016-08-12 17:53:21 +0200',
    });
    expect((await deliver('Deployment Hook', d15, { key: 'k-d15' })).body.status).toBe('accepted');
    // GitLab retries (same Idempotency-Key): a duplicate. An older GitLab without the key sends the same body twice:
    // stored once. A second webhook on the project sends it under its own key: stored, but one deployment still.
    expect((await deliver('Deployment Hook', d15, { key: 'k-d15' })).body).toEqual({
      status: 'duplicate',
      deliveryId: 'k-d15',
    });
    const unkeyed = await deliver('Deployment Hook', d15);
    expect(unkeyed.body.deliveryId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect((await deliver('Deployment Hook', d15)).body.status).toBe('duplicate');
    expect((await deliver('Deployment Hook', d15, { key: 'k-d15-group-hook' })).body.status).toBe('accepted');
    // Deployment 16 of C2 at 08:00 UTC on the 13th; a staging deployment (GitLab's documented example) counts not.
    await deliver(
      'Deployment Hook',
      deploymentHook({
        id: 16,
        status: 'success',
        environment: 'production',
        commit: C2,
        at: '2016-08-13 08:00:00 UTC',
      }),
      { key: 'k-d16' },
    );
    await deliver(
      'Deployment Hook',
      deploymentHook({ id: 17, status: 'success', environment: 'staging', commit: C2, at: '2016-08-13 07:30:00 UTC' }),
      { key: 'k-d17' },
    );
    // Events Paved does not read are kept and acknowledged.
    expect(
      (await deliver('Wiki Page Hook', { object_kind: 'wiki_page', project }, { key: 'k-wiki' })).body.status,
    ).toBe('ignored');
    expect(await drain()).toBe(1); // one job derives every pending delivery

    expect((await deliveries()).map((d) => [d.delivery_id, d.status, d.error])).toEqual([
      ['k-mr', 'ignored', 'merge request pipelines do not run on the default branch'],
      ['k-p32', 'processed', null],
      ['k-p33', 'processed', null],
      ['k-p34', 'ignored', 'pipeline for feature, not the default branch master'],
      ['k-d15-running', 'ignored', 'deployment status running, not success'],
      ['k-d15', 'processed', null],
      [unkeyed.body.deliveryId, 'processed', null],
      ['k-d15-group-hook', 'processed', null],
      ['k-d16', 'processed', null],
      ['k-d17', 'ignored', 'environment staging is not production'],
      ['k-wiki', 'ignored', 'Paved does not read Wiki Page Hook events'],
    ]);
    const deployments = await t.database.db
      .selectFrom('deployments')
      .select(['source', 'external_id', 'commit_sha', 'finished_at'])
      .orderBy('external_id')
      .execute();
    expect(
      deployments.map((d) => [d.source, d.external_id, d.commit_sha, new Date(d.finished_at).toISOString()]),
    ).toEqual([
      ['gitlab', '15', C1, '2016-08-12T15:53:21.000Z'],
      ['gitlab', '16', C2, '2016-08-13T08:00:00.000Z'],
    ]);
    const changes = await t.database.db
      .selectFrom('changes')
      .select(['repository', 'commit_sha', 'committed_at'])
      .orderBy('position')
      .execute();
    expect(changes.map((c) => [c.repository, c.commit_sha, new Date(c.committed_at).toISOString()])).toEqual([
      ['gitlab-org/gitlab-test', C1, '2016-08-12T15:23:21.000Z'],
      ['gitlab-org/gitlab-test', C2, '2016-08-13T07:00:00.000Z'],
    ]);

    // Over [Aug 12, Aug 14): 2 deployments in 2 days = 1 a day, 7 a week. Lead times: C1 15:23:21 → 15:53:21 =
    // 0.5 h; C2 07:00 → 08:00 = 1 h; median of the even count (0.5 + 1) / 2 = 0.75 h. No incident: 0 of 2 failed.
    const dora = await t.call(
      'GET',
      '/api/v1/dora?scope=service:gitlab-test&from=2016-08-12T00:00:00Z&to=2016-08-14T00:00:00Z',
    );
    expect(dora.body).toMatchObject({
      deployments: 2,
      deploymentFrequency: { perDay: 1, perWeek: 7 },
      changeLeadTime: { medianHours: 0.75, n: 2 },
      changeFailRate: { value: 0, failed: 0, total: 2 },
    });
  });

  it('refuses a missing or wrong token, storing nothing, and never stores the token', async () => {
    const before = (await deliveries()).length;
    for (const token of ['wrong-token', null]) {
      const res = await deliver(
        'Deployment Hook',
        deploymentHook({
          id: 99,
          status: 'success',
          environment: 'production',
          commit: C1,
          at: '2016-08-12 17:53:21 +0200',
        }),
        { token, key: `k-${token}` },
      );
      expect(res).toEqual({
        status: 401,
        body: { error: { code: 'INVALID_SIGNATURE', message: 'X-Gitlab-Token is not a configured token' } },
      });
    }
    expect((await deliveries()).length).toBe(before);
    const headers = await t.database.db
      .selectFrom('deliveries')
      .select('headers')
      .where('delivery_id', '=', 'k-d16')
      .executeTakeFirstOrThrow();
    expect(headers.headers).toEqual({
      'content-type': 'application/json',
      'x-gitlab-event': 'Deployment Hook',
      'x-gitlab-event-uuid': '13792a34-cac6-4fda-95a8-c58e00a3954e',
      'idempotency-key': 'k-d16',
    });
  });

  it('answers 400 to malformed JSON and a missing event header', async () => {
    const malformed = await t.app.request('/webhooks/gitlab', {
      method: 'POST',
      headers: { 'x-gitlab-token': TOKEN, 'x-gitlab-event': 'Pipeline Hook' },
      body: '{"object_kind": ',
    });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as any).error.code).toBe('MALFORMED_JSON');
    const noEvent = await t.app.request('/webhooks/gitlab', {
      method: 'POST',
      headers: { 'x-gitlab-token': TOKEN },
      body: '{}',
    });
    expect(await noEvent.json()).toEqual({
      error: {
        code: 'VALIDATION_FAILED',
        message: 'X-Gitlab-Event: is required',
        details: [{ field: 'X-Gitlab-Event', reason: 'is required' }],
      },
    });
  });

  it('refuses an Idempotency-Key over 200 characters or with a control character, naming it, storing nothing', async () => {
    const before = (await deliveries()).length;
    for (const key of ['k'.repeat(201), 'tab\tkey']) {
      const answer = await deliver('Pipeline Hook', { object_kind: 'pipeline', key }, { key });
      expect(answer).toEqual({
        status: 400,
        body: {
          error: {
            code: 'VALIDATION_FAILED',
            message: 'Idempotency-Key: must be 1 to 200 printable characters',
            details: [{ field: 'Idempotency-Key', reason: 'must be 1 to 200 printable characters' }],
          },
        },
      });
    }
    expect(await deliveries()).toHaveLength(before);
  });

  it('keeps a delivery that lacks what we need, marked failed with the reason, and derives nothing', async () => {
    // Only the short sha: the deployed commit cannot be matched to the changes it ships.
    await deliver(
      'Deployment Hook',
      deploymentHook({
        id: 40,
        status: 'success',
        environment: 'production',
        commit: C1,
        at: '2016-08-12 17:53:21 +0200',
        commitUrl: 'http://192.168.64.1:3005/gitlab-org/gitlab-test/-/commit/bcbb5ec3',
      }),
      { key: 'k-short' },
    );
    // A time without its zone is refused rather than guessed.
    await deliver(
      'Deployment Hook',
      deploymentHook({ id: 41, status: 'success', environment: 'production', commit: C1, at: '2016-08-12 17:53:21' }),
      { key: 'k-zoneless' },
    );
    const noCommit: Record<string, unknown> = pipelineHook({
      id: 42,
      commit: C1,
      timestamp: '2016-08-12T17:23:21+02:00',
      status: 'success',
    });
    delete noCommit.commit;
    await deliver('Pipeline Hook', noCommit, { key: 'k-no-commit' });
    expect(await drain()).toBe(1); // one job derives every pending delivery

    const failed = await t.database.db
      .selectFrom('deliveries')
      .select(['delivery_id', 'status', 'error'])
      .where('delivery_id', 'in', ['k-short', 'k-zoneless', 'k-no-commit'])
      .orderBy('id')
      .execute();
    expect(failed).toEqual([
      { delivery_id: 'k-short', status: 'failed', error: 'commit_url is not a full commit id' },
      { delivery_id: 'k-zoneless', status: 'failed', error: 'status_changed_at is not a time with a zone' },
      { delivery_id: 'k-no-commit', status: 'failed', error: 'commit is missing' },
    ]);
    expect(
      await t.database.db
        .selectFrom('deployments')
        .select('external_id')
        .where('external_id', 'in', ['40', '41'])
        .execute(),
    ).toEqual([]);
  });

  it('derives changes from pushes to the default branch, every commit of the push', async () => {
    expect((await deliver('Push Hook', pushHook('refs/heads/feature'), { key: 'k-push-feature' })).body.status).toBe(
      'accepted',
    );
    await deliver('Push Hook', pushHook('refs/heads/master'), { key: 'k-push' });
    // The head commit deployed an hour after it was made: 2012-01-03T21:36:29Z + 1 h.
    await deliver(
      'Deployment Hook',
      deploymentHook({
        id: 60,
        status: 'success',
        environment: 'production',
        commit: 'da1560886d4f094c3e6c9ef40349f7d38b5d27d7',
        at: '2012-01-03 22:36:29 UTC',
      }),
      { key: 'k-d60' },
    );
    expect(await drain()).toBe(1);
    expect((await deliveries()).filter((d) => d.delivery_id.startsWith('k-push'))).toEqual([
      {
        delivery_id: 'k-push-feature',
        event: 'Push Hook',
        status: 'ignored',
        error: 'push to refs/heads/feature, not the default branch master',
      },
      { delivery_id: 'k-push', event: 'Push Hook', status: 'processed', error: null },
    ]);
    // The deployment ships both commits: 2011-12-12T12:27:31Z → 22 days 10 h 8 min 58 s, and 1 h; median of two.
    const first = 22 * 24 + 10 + 8 / 60 + 58 / 3600;
    const dora = await t.call(
      'GET',
      '/api/v1/dora?scope=service:gitlab-test&from=2012-01-01T00:00:00Z&to=2012-01-10T00:00:00Z',
    );
    expect(dora.body.deployments).toBe(1);
    expect(dora.body.changeLeadTime.n).toBe(2);
    expect(dora.body.changeLeadTime.medianHours).toBeCloseTo((first + 1) / 2, 9);
  });
});
