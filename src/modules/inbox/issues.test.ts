import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { githubExample } from '../../../test/github-examples.js';
import { componentDoc, documents, groupDoc } from '../../../test/descriptors.js';
import { createRegistry } from '../../jobs/registry.js';
import { JobRunner } from '../../jobs/runner.js';
import { silentLogger } from '../../http/logger.js';
import { runImport } from '../imports/run-import.js';
import { deriveDeliveryJob } from './derive-job.js';

const SECRET = 'issues-secret';
const TOKEN = 'issues-token';
let t: TestApp;

// GitHub's own example of an `issues` delivery (@octokit/webhooks-examples): issue #1 of Codertocat/Hello-World.
const opened = githubExample('issues', (e) => e.action === 'opened');

/** That delivery as another issue: its id, labels, action and state. */
function githubIssue(o: {
  id: number;
  action: string;
  labels: string[];
  createdAt: string;
  closedAt?: string;
  removed?: string;
  repository?: string;
}) {
  const payload = structuredClone(opened);
  payload.action = o.action;
  payload.issue.id = o.id;
  payload.issue.number = o.id % 1000;
  payload.issue.labels = o.labels.map((name, i) => ({ ...opened.issue.labels[0], id: i + 1, name }));
  payload.issue.created_at = o.createdAt;
  payload.issue.state = o.closedAt ? 'closed' : 'open';
  payload.issue.closed_at = o.closedAt ?? null;
  if (o.removed) payload.label = { ...opened.issue.labels[0], name: o.removed };
  if (o.repository) payload.repository = { ...payload.repository, full_name: o.repository };
  return payload;
}

/** A GitLab Issue Hook, shaped as in GitLab's documentation of issue events. */
function gitlabIssue(o: {
  id: number;
  action: string;
  type?: string;
  labels: string[];
  createdAt: string;
  closedAt?: string;
  previous?: string[];
  severity?: string;
}) {
  const labels = o.labels.map((title, i) => ({
    id: 200 + i,
    title,
    color: '#FF0000',
    project_id: 1,
    type: 'ProjectLabel',
    group_id: null,
  }));
  return {
    object_kind: 'issue',
    event_type: 'issue',
    user: {
      id: 1,
      name: 'Administrator',
      username: 'root',
      avatar_url: 'http://www.gravatar.com/avatar/e64c7d89f26bd1972efa854d13d7dd61?s=40&d=identicon',
    },
    project: {
      id: 1,
      name: 'API',
      web_url: 'http://example.com/acme/api',
      path_with_namespace: 'acme/api',
      default_branch: 'main',
    },
    object_attributes: {
      id: o.id,
      iid: o.id % 100,
      title: 'Checkout returns 502',
      project_id: 1,
      created_at: o.createdAt,
      updated_at: o.closedAt ?? o.createdAt,
      closed_at: o.closedAt ?? null,
      state: o.closedAt ? 'closed' : 'opened',
      action: o.action,
      type: o.type ?? 'Issue',
      // GitLab sends `unknown` until someone sets a severity.
      severity: o.severity ?? 'unknown',
      labels,
      url: `http://example.com/acme/api/-/issues/${o.id % 100}`,
    },
    labels,
    changes: o.previous ? { labels: { previous: o.previous.map((title) => ({ title })), current: labels } } : {},
  };
}

async function github(payload: unknown, deliveryId: string) {
  const body = JSON.stringify(payload);
  const signature = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
  const res = await t.app.request('/webhooks/github', {
    method: 'POST',
    headers: { 'x-github-event': 'issues', 'x-github-delivery': deliveryId, 'x-hub-signature-256': signature },
    body,
  });
  return ((await res.json()) as { status: string }).status;
}
async function gitlab(payload: unknown, key: string) {
  const res = await t.app.request('/webhooks/gitlab', {
    method: 'POST',
    headers: { 'x-gitlab-event': 'Issue Hook', 'x-gitlab-token': TOKEN, 'idempotency-key': key },
    body: JSON.stringify(payload),
  });
  return ((await res.json()) as { status: string }).status;
}
const drain = () =>
  new JobRunner(t.database.db, createRegistry([deriveDeliveryJob(t.database.db)]), silentLogger).drain();
const deliveryStatus = (deliveryId: string) =>
  t.database.db
    .selectFrom('deliveries')
    .select(['status', 'error'])
    .where('delivery_id', '=', deliveryId)
    .executeTakeFirstOrThrow();
const week = 'from=2024-03-01T00:00:00Z&to=2024-03-08T00:00:00Z';

beforeAll(async () => {
  t = await createTestApp({ webhookSecrets: { github: [SECRET], gitlab: [TOKEN] } });
  const catalog = documents(
    groupDoc('core'),
    componentDoc('web', 'core', { annotations: { 'github.com/project-slug': 'Codertocat/Hello-World' } }),
    componentDoc('api', 'core', { annotations: { 'gitlab.com/project-slug': 'acme/api' } }),
  );
  await runImport(t.database.db, {
    files: [{ path: 'c.yaml', content: catalog }],
    source: 't',
    skipInvalid: false,
    actor: 't',
  });
});
afterAll(() => t.close());

describe('incidents from issues', () => {
  it('takes GitHub issues labelled incident, with their severity and causes, closed or open, until the label goes', async () => {
    // A: opened 10:00 with incident, sev1 and a cause; closed 12:30.
    await github(
      githubIssue({
        id: 101,
        action: 'opened',
        labels: ['incident', 'sev1', 'cause: config-drift'],
        createdAt: '2024-03-04T10:00:00Z',
      }),
      'a-opened',
    );
    await github(
      githubIssue({
        id: 101,
        action: 'closed',
        labels: ['incident', 'sev1', 'cause: config-drift'],
        createdAt: '2024-03-04T10:00:00Z',
        closedAt: '2024-03-04T12:30:00Z',
      }),
      'a-closed',
    );
    // B: opened as documentation (neither an incident nor feedback), labelled incident later; still open.
    await github(
      githubIssue({ id: 102, action: 'opened', labels: ['documentation'], createdAt: '2024-03-05T08:00:00Z' }),
      'b-opened',
    );
    await github(
      githubIssue({
        id: 102,
        action: 'labeled',
        labels: ['documentation', 'incident'],
        createdAt: '2024-03-05T08:00:00Z',
      }),
      'b-labeled',
    );
    // C: labelled incident by mistake, then the label removed: no incident.
    await github(
      githubIssue({ id: 103, action: 'opened', labels: ['Incident'], createdAt: '2024-03-06T09:00:00Z' }),
      'c-opened',
    );
    await github(
      githubIssue({ id: 103, action: 'unlabeled', labels: [], removed: 'Incident', createdAt: '2024-03-06T09:00:00Z' }),
      'c-unlabeled',
    );
    // D: its close (11:00) arrives before its opening (10:00, state open then): still resolved.
    await github(
      githubIssue({
        id: 104,
        action: 'closed',
        labels: ['incident'],
        createdAt: '2024-03-07T10:00:00Z',
        closedAt: '2024-03-07T11:00:00Z',
      }),
      'd-closed',
    );
    await github(
      githubIssue({ id: 104, action: 'opened', labels: ['incident'], createdAt: '2024-03-07T10:00:00Z' }),
      'd-opened',
    );
    expect(await drain()).toBe(1);

    expect(await deliveryStatus('b-opened')).toEqual({
      status: 'ignored',
      error:
        'issue #102 is not labelled incident; issue #102 has no feedback label (bug, enhancement, feature, support, question)',
    });
    expect(await deliveryStatus('c-unlabeled')).toEqual({ status: 'processed', error: null });
    const rows = await t.database.db
      .selectFrom('incidents')
      .select(['external_id', 'severity', 'cause_tags', 'external_service', 'resolved_at', 'url'])
      .where('source', '=', 'github')
      .orderBy('external_id')
      .execute();
    expect(
      rows.map((r) => [
        r.external_id,
        r.severity,
        r.cause_tags,
        r.external_service,
        r.resolved_at && new Date(r.resolved_at).toISOString(),
      ]),
    ).toEqual([
      ['101', 'sev1', ['config-drift'], 'codertocat/hello-world', '2024-03-04T12:30:00.000Z'],
      ['102', null, [], 'codertocat/hello-world', null],
      ['104', null, [], 'codertocat/hello-world', '2024-03-07T11:00:00.000Z'],
    ]);
    expect(rows[0]?.url).toBe(opened.issue.html_url); // the issue's page on GitHub
    // Resolved: A 2.5 h and D 1 h, an even count: median (1 + 2.5) / 2 = 1.75 h; B is unresolved.
    const dora = await t.call('GET', `/api/v1/dora?scope=service:web&${week}`);
    expect(dora.body.incidentRecoveryTime).toEqual({ medianHours: 1.75, n: 2, unresolved: 1 });
  });

  it('takes GitLab issues of type Incident or labelled incident, and drops one whose label is removed', async () => {
    expect(
      await gitlab(
        gitlabIssue({ id: 501, action: 'open', type: 'Incident', labels: [], createdAt: '2024-03-04 10:00:00 UTC' }),
        'gl-501-open',
      ),
    ).toBe('accepted');
    await gitlab(
      gitlabIssue({
        id: 501,
        action: 'close',
        type: 'Incident',
        labels: [],
        createdAt: '2024-03-04 10:00:00 UTC',
        closedAt: '2024-03-04 11:00:00 UTC',
      }),
      'gl-501-close',
    );
    await gitlab(
      gitlabIssue({ id: 502, action: 'open', labels: ['incident', 'severity::2'], createdAt: '2024-03-05T00:00:00Z' }),
      'gl-502-open',
    );
    await gitlab(
      gitlabIssue({
        id: 502,
        action: 'update',
        labels: [],
        previous: ['incident', 'severity::2'],
        createdAt: '2024-03-05T00:00:00Z',
      }),
      'gl-502-unlabel',
    );
    await gitlab(
      gitlabIssue({ id: 503, action: 'open', labels: ['documentation'], createdAt: '2024-03-05T00:00:00Z' }),
      'gl-503-open',
    );
    expect(await drain()).toBe(1);

    expect(await deliveryStatus('gl-503-open')).toEqual({
      status: 'ignored',
      error:
        'issue #3 is not an incident; issue #3 has no feedback label (bug, enhancement, feature, support, question)',
    });
    const rows = await t.database.db
      .selectFrom('incidents')
      .select(['external_id', 'title', 'triggered_at', 'resolved_at', 'url'])
      .where('source', '=', 'gitlab')
      .execute();
    expect(
      rows.map((r) => [
        r.external_id,
        r.title,
        new Date(r.triggered_at).toISOString(),
        r.resolved_at && new Date(r.resolved_at).toISOString(),
        r.url,
      ]),
    ).toEqual([
      [
        '501',
        'Checkout returns 502',
        '2024-03-04T10:00:00.000Z',
        '2024-03-04T11:00:00.000Z',
        'http://example.com/acme/api/-/issues/1',
      ],
    ]);
    // One resolved incident, 10:00 → 11:00.
    expect((await t.call('GET', `/api/v1/dora?scope=service:api&${week}`)).body.incidentRecoveryTime).toEqual({
      medianHours: 1,
      n: 1,
      unresolved: 0,
    });
  });

  it("reads GitLab's own severity of an incident, and its labels when GitLab's says unknown", async () => {
    const at = '2024-03-05T00:00:00Z';
    await gitlab(
      gitlabIssue({ id: 511, action: 'open', type: 'Incident', severity: 'critical', labels: ['sev3'], createdAt: at }),
      'gl-511-open',
    );
    await gitlab(
      gitlabIssue({ id: 512, action: 'open', type: 'Incident', severity: 'high', labels: [], createdAt: at }),
      'gl-512-open',
    );
    await gitlab(
      gitlabIssue({ id: 513, action: 'open', labels: ['incident', 'severity::2'], createdAt: at }),
      'gl-513',
    );
    await gitlab(gitlabIssue({ id: 514, action: 'open', type: 'Incident', labels: [], createdAt: at }), 'gl-514-open');
    await drain();
    const rows = await t.database.db
      .selectFrom('incidents')
      .select(['external_id', 'severity'])
      .where('source', '=', 'gitlab')
      .where('external_id', 'in', ['511', '512', '513', '514'])
      .orderBy('external_id')
      .execute();
    expect(rows.map((r) => [r.external_id, r.severity])).toEqual([
      ['511', 'critical'],
      ['512', 'high'],
      ['513', 'severity::2'],
      ['514', null],
    ]);
  });

  it('lists an incident of a repository no service claims as unmapped, and maps it once one does', async () => {
    await github(
      githubIssue({
        id: 105,
        action: 'opened',
        labels: ['incident'],
        createdAt: '2024-03-06T00:00:00Z',
        repository: 'acme/ghost',
      }),
      'ghost-opened',
    );
    await drain();
    expect((await t.call('GET', '/api/v1/unmapped')).body.items).toEqual([
      {
        source: 'github',
        name: 'acme/ghost',
        annotation: 'github.com/project-slug',
        deployments: 0,
        changes: 0,
        incidents: 1,
        lastSeen: '2024-03-06T00:00:00.000Z',
      },
    ]);
    const catalog = documents(
      groupDoc('core'),
      componentDoc('ghost', 'core', { annotations: { 'github.com/project-slug': 'acme/ghost' } }),
    );
    await runImport(t.database.db, {
      files: [{ path: 'ghost.yaml', content: catalog }],
      source: 't2',
      skipInvalid: false,
      actor: 't',
    });
    expect((await t.call('POST', '/api/v1/unmapped/remap')).body).toEqual({ deployments: 0, changes: 0, incidents: 1 });
    expect((await t.call('GET', `/api/v1/dora?scope=service:ghost&${week}`)).body.incidentRecoveryTime).toEqual({
      medianHours: null,
      n: 0,
      unresolved: 1,
    });
  });
});
