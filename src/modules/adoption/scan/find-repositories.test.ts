import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRepositories } from './find-repositories.js';
import { GitFixture } from '../../../../test/git-fixture.js';
import { scanRepositories, scanRepository } from './scan-repository.js';

let root: string;
let head: string;
const golden = [{ capability: 'golden-ci', rules: [{ files: '.github/workflows/*.yml', pattern: 'acme/golden-ci/' }] }];

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'paved-find-'));
  const app = GitFixture.create(join(root, 'app'));
  head = app.commit('2024-01-01T00:00:00Z', { '.github/workflows/ci.yml': 'uses: acme/golden-ci/x@v1\n' });
  // A bare mirror is scanned like a clone: the scanner reads objects only.
  execFileSync('git', ['clone', '-q', '--bare', app.path, join(root, 'mirror.git')]);
  execFileSync('git', ['init', '-q', '--bare', join(root, 'empty.git')]);
  // A clone whose object store has been wiped: it looks like a repository, reading it fails.
  execFileSync('git', ['clone', '-q', '--no-local', app.path, join(root, 'corrupt')]);
  for (const name of readdirSync(join(root, 'corrupt/.git/objects/pack')))
    rmSync(join(root, 'corrupt/.git/objects/pack', name));
  mkdirSync(join(root, 'notes'));
  writeFileSync(join(root, 'notes/todo.md'), 'not a repository\n');
  writeFileSync(join(root, 'README.md'), 'files at the root are ignored\n');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('findRepositories', () => {
  it('lists the repositories under a root and reports the directories that are not', async () => {
    expect(await findRepositories(root)).toEqual({
      repositories: ['app', 'corrupt', 'empty.git', 'mirror.git'].map((name) => join(root, name)),
      problems: [`${join(root, 'notes')}: not a git repository`],
    });
  });

  it('is the root itself when the root is a repository', async () => {
    expect(await findRepositories(join(root, 'app'))).toEqual({ repositories: [join(root, 'app')], problems: [] });
    expect(await findRepositories(join(root, 'mirror.git'))).toEqual({
      repositories: [join(root, 'mirror.git')],
      problems: [],
    });
  });

  it('reports a root that does not exist', async () => {
    expect(await findRepositories(join(root, 'missing'))).toEqual({
      repositories: [],
      problems: [`${join(root, 'missing')}: ENOENT`],
    });
  });

  it.skipIf(process.getuid?.() === 0)('reports an unreadable directory and goes on', async () => {
    const locked = join(root, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o000);
    try {
      const found = await findRepositories(root);
      expect(found.problems).toContain(`${locked}: unreadable (EACCES)`);
      expect(found.repositories).toContain(join(root, 'app'));
    } finally {
      chmodSync(locked, 0o755);
      rmSync(locked, { recursive: true });
    }
  });
});

describe('scanning what was found', () => {
  it('scans good repositories and returns an error for the broken ones, without failing the others', async () => {
    const { repositories } = await findRepositories(root);
    const results = await scanRepositories(repositories, golden, { history: true, concurrency: 2 });
    const byName = Object.fromEntries(results.map((r) => [r.path.slice(root.length + 1), r]));
    const adopted = { capability: 'golden-ci', firstAdoption: { commit: head, date: '2024-01-01T00:00:00Z' } };
    expect(byName.app).toMatchObject({ name: 'app', head, matches: [adopted] });
    expect(byName['mirror.git']).toMatchObject({
      name: 'mirror',
      head,
      remoteUrl: join(root, 'app'),
      matches: [adopted],
    });
    expect(byName['empty.git']).toEqual({
      path: join(root, 'empty.git'),
      error: 'HEAD does not name a commit (empty repository?)',
    });
    expect(byName.corrupt).toEqual({
      path: join(root, 'corrupt'),
      error: `HEAD names ${head}, which cannot be read (corrupt repository?)`,
    });
  });

  it('returns an error for a path that is not a repository', async () => {
    expect(await scanRepository(join(root, 'notes'), golden, { history: false })).toEqual({
      path: join(root, 'notes'),
      error: 'not a git repository',
    });
  });

  it('never finds a repository above the path it was given', async () => {
    const inner = join(root, 'app', 'src');
    mkdirSync(inner, { recursive: true });
    expect(await scanRepository(inner, golden, { history: false })).toEqual({
      path: inner,
      error: 'not a git repository',
    });
  });
});
