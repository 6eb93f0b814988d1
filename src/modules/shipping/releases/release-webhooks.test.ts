import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { documents, groupDoc } from '../../../../test/descriptors.js';
import { githubExample } from '../../../../test/github-examples.js';
import { webhookSender } from '../../../../test/issue-deliveries.js';
import { silentLogger } from '../../../http/logger.js';
import { createRegistry } from '../../../jobs/registry.js';
import { JobRunner } from '../../../jobs/runner.js';
import { runImport } from '../../imports/run-import.js';
import { deriveDeliveryJob } from '../../inbox/derive-job.js';
import { mapUnmappedReleases } from './unmapped.js';

const SECRET = 'release-webhooks-secret';
let t: TestApp;
let send: ReturnType<typeof webhookSender>;

const capability = (name: string, annotation: string) =>
  `apiVersion: paved.dev/v1alpha1\nkind: Capability\nmetadata:\n  name: ${name}\n  annotations: { ${annotation} }\nspec: { owner: group:default/platform, lifecycle: ga }\n`;
const importCatalog = async (source: string, content: string) =>
  expect(
    (await runImport(t.database.db, { files: [{ path: 'c.yaml', content }], source, skipInvalid: false, actor: 't' }))
      .status,
  ).toBe('succeeded');
const drain = () =>
  new JobRunner(t.database.db, createRegistry([deriveDeliveryJob(t.database.db)]), silentLogger).drain();

/** GitHub's own `release` published example (release 17372790, tag 0.0.1 of Codertocat/Hello-World), changed. */
function githubRelease(o: {
  action: string;
  id?: number;
  tag?: string;
  name?: string | null;
  body?: string | null;
  draft?: boolean;
  prerelease?: boolean;
  repository?: string;
}) {
  const payload = githubExample('release', (e) => e.action === 'published');
  payload.action = o.action;
  const r = payload.release;
  if (o.id) r.id = o.id;
  if (o.tag) {
    r.tag_name = o.tag;
    r.html_url = `https://github.com/${o.repository ?? 'Codertocat/Hello-World'}/releases/tag/${o.tag}`;
  }
  if (o.name !== undefined) r.name = o.name;
  if (o.body !== undefined) r.body = o.body;
  if (o.draft !== undefined) r.draft = o.draft;
  if (o.prerelease !== undefined) r.prerelease = o.prerelease;
  if (o.repository) payload.repository = { ...payload.repository, full_name: o.repository };
  return payload;
}

/** GitLab's documented Release Hook payload (docs: webhook events, "Release events"), changed. */
function gitlabRelease(o: { action: string; id: number; tag: string; name: string; description: string }) {
  return {
    id: o.id,
    created_at: '2020-11-02 12:55:12 UTC',
    description: o.description,
    name: o.name,
    released_at: '2020-11-02 12:55:12 UTC',
    tag: o.tag,
    object_kind: 'release',
    project: {
      id: 2,
      name: 'deploy-kit',
      description: '',
      web_url: 'https://example.com/acme/deploy-kit',
      avatar_url: null,
      git_ssh_url: 'ssh://git@example.com/acme/deploy-kit.git',
      git_http_url: 'https://example.com/acme/deploy-kit.git',
      namespace: 'Acme',
      visibility_level: 0,
      path_with_namespace: 'acme/deploy-kit',
      default_branch: 'master',
      ci_config_path: null,
      homepage: 'https://example.com/acme/deploy-kit',
      url: 'ssh://git@example.com/acme/deploy-kit.git',
      ssh_url: 'ssh://git@example.com/acme/deploy-kit.git',
      http_url: 'https://example.com/acme/deploy-kit.git',
    },
    url: `https://example.com/acme/deploy-kit/-/releases/${o.tag}`,
    action: o.action,
    assets: {
      count: 1,
      links: [],
      sources: [
        { format: 'zip', url: `https://example.com/acme/deploy-kit/-/archive/${o.tag}/deploy-kit-${o.tag}.zip` },
      ],
    },
    commit: {
      id: 'ee0a3fb31ac16e11b9dbb596ad16d4af654d08f8',
      message: 'Release v1.1',
      title: 'Release v1.1',
      timestamp: '2020-10-31T14:58:32+11:00',
      url: 'https://example.com/acme/deploy-kit/-/commit/ee0a3fb31ac16e11b9dbb596ad16d4af654d08f8',
      author: { name: 'Example User', email: 'user@example.com' },
    },
  };
}

/** Releases as stored, by external id. */
async function stored(source: string) {
  const rows = await t.database.db
    .selectFrom('releases as r')
    .leftJoin('entities as c', 'c.id', 'r.capability_id')
    .select([
      'r.external_id',
      'c.name as capability',
      'r.version',
      'r.type',
      'r.title',
      'r.notes',
      'r.released_at',
      'r.external_url',
    ])
    .where('r.source', '=', source as 'github')
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({ ...r, released_at: new Date(r.released_at).toISOString() }));
}
const auditCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('entity_kind', '=', 'release')
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await createTestApp({ webhookSecrets: { github: [SECRET], gitlab: [SECRET] } });
  send = webhookSender(t.app, { github: SECRET, gitlab: SECRET });
  await importCatalog(
    't',
    documents(
      groupDoc('platform'),
      capability('golden-ci', 'github.com/project-slug: Codertocat/Hello-World'),
      capability('deploy-kit', 'gitlab.com/project-slug: acme/deploy-kit'),
    ),
  );
});
afterAll(() => t.close());

describe('GitHub release events', () => {
  const first = {
    external_id: '17372790',
    capability: 'golden-ci',
    version: '0.0.1',
    type: 'feature',
    title: null,
    notes: '',
    released_at: '2019-05-15T15:20:53.000Z',
    external_url: 'https://github.com/Codertocat/Hello-World/releases/tag/0.0.1',
  };

  it('makes a published release a release of the capability its repository names; a redelivery changes nothing', async () => {
    expect(await send.github('release', githubRelease({ action: 'published' }), 'gh-r1')).toBe('accepted');
    await drain();
    expect(await stored('github')).toEqual([first]);
    const entries = await auditCount();
    const before = await t.database.db.selectFrom('releases').select('updated_at').executeTakeFirstOrThrow();
    expect(await send.github('release', githubRelease({ action: 'published' }), 'gh-r1')).toBe('duplicate');
    expect(await send.github('release', githubRelease({ action: 'published' }), 'gh-r1-again')).toBe('accepted');
    await drain();
    expect(await stored('github')).toEqual([first]);
    expect(await auditCount()).toBe(entries);
    const after = await t.database.db.selectFrom('releases').select('updated_at').executeTakeFirstOrThrow();
    expect(after.updated_at).toEqual(before.updated_at);
  });

  it('follows edits: the type from a conventional prefix of the name, else of the first line of the notes', async () => {
    const fix = githubRelease({ action: 'edited', name: 'fix(cache): Keys include the lockfile', body: 'Details.' });
    await send.github('release', fix, 'gh-r2');
    await drain();
    expect(await stored('github')).toEqual([
      { ...first, type: 'fix', title: 'Keys include the lockfile', notes: 'Details.' },
    ]);
    const breaking = githubRelease({
      action: 'edited',
      name: 'Release 0.0.1',
      body: '\nBREAKING CHANGE: drops Node 16\n\nMore.',
    });
    await send.github('release', breaking, 'gh-r3');
    await drain();
    expect(await stored('github')).toEqual([
      { ...first, type: 'breaking', title: 'Release 0.0.1', notes: '\nBREAKING CHANGE: drops Node 16\n\nMore.' },
    ]);
  });

  it('counts prereleases, ignores drafts and releases only created, and deletes a deleted one', async () => {
    const pre = { id: 2, tag: 'v0.1.0-rc.1', prerelease: true };
    await send.github('release', githubRelease({ action: 'published', ...pre }), 'gh-r4');
    await send.github('release', githubRelease({ action: 'created', id: 3, tag: 'v0.2.0' }), 'gh-r5');
    await send.github('release', githubRelease({ action: 'edited', id: 4, tag: 'v0.3.0', draft: true }), 'gh-r6');
    await drain();
    expect((await stored('github')).map((r) => [r.external_id, r.version])).toEqual([
      ['17372790', '0.0.1'],
      ['2', '0.1.0-rc.1'],
    ]);
    await send.github('release', githubRelease({ action: 'deleted', ...pre }), 'gh-r7');
    await drain();
    expect((await stored('github')).map((r) => r.external_id)).toEqual(['17372790']);
  });

  it('keeps a release it cannot place, lists it with the reason, and maps it once its repository is named', async () => {
    await send.github('release', githubRelease({ action: 'published', id: 10, tag: 'nightly' }), 'gh-r8');
    const elsewhere = { id: 11, tag: 'v2.0.0', repository: 'someone/elsewhere', name: 'security: Rotate keys' };
    await send.github('release', githubRelease({ action: 'published', ...elsewhere }), 'gh-r9');
    await drain();
    const viewer = await t.call('GET', '/api/v1/releases/unmapped', { role: 'viewer' });
    expect(viewer.status).toBe(403);
    const listed = await t.call('GET', '/api/v1/releases/unmapped');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((r: any) => [r.version, r.type, r.capability, r.repository, r.reason])).toEqual([
      [
        '2.0.0',
        'security',
        null,
        'someone/elsewhere',
        'no capability names the repository someone/elsewhere in its github.com/project-slug annotation',
      ],
      [
        'nightly',
        'feature',
        null,
        'Codertocat/Hello-World',
        'the tag "nightly" is not a semantic version (like v1.4.0): change the tag, or publish it with a version through the API',
      ],
    ]);
    // Not in the changelog while on no capability.
    const changelog = await t.call('GET', '/api/v1/releases', { role: 'viewer' });
    expect(changelog.body.items.map((r: any) => r.version)).toEqual(['0.0.1']);

    await importCatalog('more', capability('elsewhere-kit', 'github.com/project-slug: someone/elsewhere'));
    expect(await mapUnmappedReleases(t.database.db)).toBe(1);
    expect(await mapUnmappedReleases(t.database.db)).toBe(0);
    const mapped = await t.call('GET', '/api/v1/capabilities/elsewhere-kit/releases', { role: 'viewer' });
    expect(mapped.body.items.map((r: any) => [r.version, r.title, r.type])).toEqual([
      ['2.0.0', 'Rotate keys', 'security'],
    ]);
    const still = await t.call('GET', '/api/v1/releases/unmapped');
    expect(still.body.items.map((r: any) => r.version)).toEqual(['nightly']);
  });
});

describe('GitLab Release Hooks', () => {
  it('creates, updates and deletes the release of the capability the project names', async () => {
    const hook = (action: string, name: string, description: string) =>
      gitlabRelease({ action, id: 1, tag: 'v1.1.0', name, description });
    await send.gitlab('Release Hook', hook('create', 'v1.1.0', 'deprecate: the v1 deploy API goes'), 'gl-r1');
    await drain();
    const row = {
      external_id: '1',
      capability: 'deploy-kit',
      version: '1.1.0',
      type: 'deprecation',
      title: null,
      notes: 'deprecate: the v1 deploy API goes',
      released_at: '2020-11-02T12:55:12.000Z',
      external_url: 'https://example.com/acme/deploy-kit/-/releases/v1.1.0',
    };
    expect(await stored('gitlab')).toEqual([row]);
    await send.gitlab('Release Hook', hook('update', 'feat: Canary deploys', 'Canary.'), 'gl-r2');
    await drain();
    expect(await stored('gitlab')).toEqual([{ ...row, type: 'feature', title: 'Canary deploys', notes: 'Canary.' }]);
    await send.gitlab('Release Hook', hook('delete', 'feat: Canary deploys', 'Canary.'), 'gl-r3');
    await drain();
    expect(await stored('gitlab')).toEqual([]);
  });
});
