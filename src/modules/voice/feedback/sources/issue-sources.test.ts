import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/app.js';
import { documents, groupDoc } from '../../../../../test/descriptors.js';
import {
  githubComment,
  githubIssue,
  gitlabIssue,
  gitlabNote,
  webhookSender,
} from '../../../../../test/issue-deliveries.js';
import { silentLogger } from '../../../../http/logger.js';
import { createRegistry } from '../../../../jobs/registry.js';
import { JobRunner } from '../../../../jobs/runner.js';
import { runImport } from '../../../imports/run-import.js';
import { deriveDeliveryJob } from '../../../inbox/derive-job.js';

const SECRET = 'feedback-issues-secret';
let t: TestApp;
let send: ReturnType<typeof webhookSender>;

const capability = (name: string, annotation: string) =>
  `apiVersion: paved.dev/v1alpha1\nkind: Capability\nmetadata:\n  name: ${name}\n  annotations: { ${annotation} }\nspec: { owner: group:default/platform, lifecycle: ga }\n`;
const user = (name: string, logins: string, team: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n  name: ${name}\n  annotations: { ${logins} }\nspec: { profile: { displayName: ${name} }, memberOf: [${team}] }\n`;

const drain = () =>
  new JobRunner(t.database.db, createRegistry([deriveDeliveryJob(t.database.db)]), silentLogger).drain();

/** The item an issue became, with its team's and capability's refs and its times as ISO text. */
async function item(externalId: string) {
  const row = await t.database.db
    .selectFrom('feedback as f')
    .leftJoin('entities as team', 'team.id', 'f.team_id')
    .leftJoin('entities as cap', 'cap.id', 'f.capability_id')
    .leftJoin('entities as platform', 'platform.id', 'f.platform_team_id')
    .select([
      'f.id',
      'f.kind',
      'f.status',
      'f.severity',
      'f.category',
      'team.ref as team',
      'cap.ref as capability',
      'platform.ref as platformTeam',
      'f.author_ref',
      'f.external_author',
      'f.external_repository',
      'f.opened_at',
      'f.responded_at',
      'f.closed_at',
      'f.updated_at',
    ])
    .where('f.external_id', '=', externalId)
    .executeTakeFirst();
  if (!row) return undefined;
  const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
  return {
    ...row,
    opened_at: iso(row.opened_at),
    responded_at: iso(row.responded_at),
    closed_at: iso(row.closed_at),
    updated_at: iso(row.updated_at),
  };
}
const count = async (table: 'feedback' | 'feedback_comments') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await createTestApp({ webhookSecrets: { github: [SECRET], gitlab: [SECRET] } });
  send = webhookSender(t.app, { github: SECRET, gitlab: SECRET });
  const catalog = documents(
    groupDoc('platform'),
    groupDoc('payments'),
    capability('golden-ci', 'github.com/project-slug: Codertocat/Hello-World'),
    capability('deploy-kit', 'gitlab.com/project-slug: acme/deploy-kit'),
    user('ann', 'github.com/user-login: Codertocat, gitlab.com/user-login: ann-gl', 'payments'),
    user('pat', 'github.com/user-login: platform-pat, gitlab.com/user-login: pat-gl', 'platform'),
  );
  const imported = await runImport(t.database.db, {
    files: [{ path: 'c.yaml', content: catalog }],
    source: 't',
    skipInvalid: false,
    actor: 't',
  });
  expect(imported.status).toBe('succeeded');
});
afterAll(() => t.close());

describe('GitHub issues on a capability repository', () => {
  const key = 'github:codertocat/hello-world#21';
  const at = { createdAt: '2024-03-04T10:00:00Z' };
  const bug = (action: string, labels: string[], more: Record<string, string> = {}) =>
    githubIssue({ number: 21, action, labels, ...at, ...more });

  it('makes a bug of the capability with the author team, acknowledged by a platform comment, fixed when closed', async () => {
    expect(await send.github('issues', bug('opened', ['bug', 'sev2']), 'gh-21-opened')).toBe('accepted');
    await drain();
    expect(await item(key)).toMatchObject({
      kind: 'bug',
      status: 'open',
      severity: 2,
      team: 'group:default/payments', // Codertocat is ann, of payments
      capability: 'capability:default/golden-ci',
      author_ref: 'user:default/ann',
      external_author: 'Codertocat',
      external_repository: 'Codertocat/Hello-World',
      opened_at: '2024-03-04T10:00:00.000Z',
      responded_at: null,
    });

    // The author's own comment answers nobody; pat, of the owning platform team, acknowledges at 12:30.
    const opened = bug('opened', ['bug', 'sev2']);
    await send.github(
      'issue_comment',
      githubComment(opened, { id: 1, author: 'Codertocat', at: '2024-03-04T11:00:00Z' }),
      'gh-c1',
    );
    await drain();
    expect((await item(key))?.responded_at).toBeNull();
    await send.github(
      'issue_comment',
      githubComment(opened, { id: 2, author: 'platform-pat', at: '2024-03-04T12:30:00Z' }),
      'gh-c2',
    );
    await drain();
    expect(await item(key)).toMatchObject({ status: 'acknowledged', responded_at: '2024-03-04T12:30:00.000Z' });
    expect(await count('feedback_comments')).toBe(2);

    // Closed: fixed at the issue's closed_at. Reopened: open again, still acknowledged.
    await send.github('issues', bug('closed', ['bug', 'sev2'], { closedAt: '2024-03-05T09:00:00Z' }), 'gh-21-closed');
    await drain();
    expect(await item(key)).toMatchObject({ status: 'fixed', closed_at: '2024-03-05T09:00:00.000Z' });
    await send.github('issues', bug('reopened', ['bug', 'sev2']), 'gh-21-reopened');
    await drain();
    expect(await item(key)).toMatchObject({ status: 'acknowledged', closed_at: null });
  });

  it('turns into a request when relabelled enhancement, keeping its id; a redelivery changes nothing', async () => {
    const before = await item(key);
    // Both labels at once: a bug still (a bug report that asks for more is a bug).
    await send.github('issues', bug('labeled', ['bug', 'sev2', 'enhancement']), 'gh-21-labeled');
    await drain();
    expect((await item(key))?.kind).toBe('bug');
    const unlabeled = bug('unlabeled', ['sev2', 'enhancement'], { removed: 'bug' });
    await send.github('issues', unlabeled, 'gh-21-unlabeled');
    await drain();
    const request = await item(key);
    expect(request).toMatchObject({
      id: before?.id,
      kind: 'request',
      status: 'open',
      severity: null, // a request has none
      responded_at: null, // nor an acknowledgement
      team: 'group:default/payments',
    });

    // The same delivery again is stored once; the same event under a new delivery id is derived and writes nothing.
    expect(await send.github('issues', unlabeled, 'gh-21-unlabeled')).toBe('duplicate');
    expect(await send.github('issues', unlabeled, 'gh-21-unlabeled-resent')).toBe('accepted');
    await drain();
    expect(await item(key)).toEqual(request);
    expect([await count('feedback'), await count('feedback_comments')]).toEqual([1, 2]);
  });

  it('takes the item away when its last feedback label goes', async () => {
    const other = (action: string, labels: string[], removed?: string) =>
      githubIssue({ number: 23, action, labels, ...at, ...(removed ? { removed } : {}) });
    await send.github('issues', other('opened', ['question']), 'gh-23-opened');
    await drain();
    expect((await item('github:codertocat/hello-world#23'))?.kind).toBe('support');
    await send.github('issues', other('unlabeled', [], 'question'), 'gh-23-unlabeled');
    await drain();
    expect(await item('github:codertocat/hello-world#23')).toBeUndefined();
  });
});

describe('issues Paved cannot place', () => {
  it('keeps an issue of an unmapped repository and one by an unknown author, and lists both for triage', async () => {
    await send.github(
      'issues',
      githubIssue({
        number: 5,
        action: 'opened',
        labels: ['question'],
        repository: 'someone/elsewhere',
        createdAt: '2024-03-06T08:00:00Z',
      }),
      'gh-elsewhere',
    );
    await send.github(
      'issues',
      githubIssue({
        number: 22,
        action: 'opened',
        labels: ['feature'],
        author: 'stranger',
        createdAt: '2024-03-06T09:00:00Z',
      }),
      'gh-stranger',
    );
    await drain();
    expect(await item('github:someone/elsewhere#5')).toMatchObject({
      kind: 'support',
      capability: null,
      team: 'group:default/payments',
      external_repository: 'someone/elsewhere',
    });
    expect(await item('github:codertocat/hello-world#22')).toMatchObject({
      kind: 'request',
      capability: 'capability:default/golden-ci',
      team: null,
      author_ref: null,
      external_author: 'stranger',
    });

    const listed = await t.call('GET', '/api/v1/feedback/unplaced', { role: 'viewer' });
    expect(listed.status).toBe(200);
    expect(
      listed.body.items.map((i: any) => [i.externalId, i.kind, i.missing, i.externalRepository, i.externalAuthor]),
    ).toEqual([
      ['github:codertocat/hello-world#22', 'request', ['team'], 'Codertocat/Hello-World', 'stranger'],
      ['github:someone/elsewhere#5', 'support', ['capability'], 'someone/elsewhere', 'Codertocat'],
    ]);
  });
});

describe('GitLab issues', () => {
  it('makes a support request of the capability, first answered by a platform note, resolved when closed', async () => {
    const ann = { id: 11, username: 'ann-gl' };
    const pat = { id: 12, username: 'pat-gl' };
    const open = gitlabIssue({
      iid: 3,
      action: 'open',
      labels: ['support', 'category: deploys'],
      author: ann,
      project: 'acme/deploy-kit',
      createdAt: '2024-03-06 09:00:00 UTC',
    });
    expect(await send.gitlab('Issue Hook', open, 'gl-3-open')).toBe('accepted');
    expect(
      await send.gitlab('Note Hook', gitlabNote(open, { id: 91, by: pat, at: '2024-03-06 09:45:00 UTC' }), 'gl-note'),
    ).toBe('accepted');
    // Closed by pat: GitLab's event names pat, not the author, who stays ann.
    const close = gitlabIssue({
      iid: 3,
      action: 'close',
      labels: ['support', 'category: deploys'],
      author: ann,
      by: pat,
      project: 'acme/deploy-kit',
      createdAt: '2024-03-06 09:00:00 UTC',
      closedAt: '2024-03-06 11:00:00 UTC',
    });
    await send.gitlab('Issue Hook', close, 'gl-3-close');
    await drain();
    expect(await item('gitlab:acme/deploy-kit#3')).toMatchObject({
      kind: 'support',
      status: 'resolved',
      category: 'deploys',
      team: 'group:default/payments',
      capability: 'capability:default/deploy-kit',
      platformTeam: 'group:default/platform',
      author_ref: 'user:default/ann',
      external_author: 'ann-gl',
      opened_at: '2024-03-06T09:00:00.000Z',
      responded_at: '2024-03-06T09:45:00.000Z',
      closed_at: '2024-03-06T11:00:00.000Z',
    });
  });
});
