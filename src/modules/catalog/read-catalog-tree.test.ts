import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatProblem } from './entity.js';
import { parseCatalogFiles } from './parse-catalog-files.js';
import { OutsideTree, readCatalogTree } from './read-catalog-tree.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paved-catalog-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(path: string, content: string): Promise<void> {
  await mkdir(dirname(join(dir, path)), { recursive: true });
  await writeFile(join(dir, path), content);
}

const location = (name: string, targets: string[]) => `apiVersion: backstage.io/v1alpha1
kind: Location
metadata:
  name: ${name}
spec:
  targets: [${targets.join(', ')}]
`;

const group = (name: string) => `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: ${name}
spec:
  type: team
  children: []
`;

const component = (name: string, owner: string) =>
  `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  annotations:
    github.com/project-slug: acme/${name}
spec:
  type: service
  lifecycle: production
`.concat(owner === '' ? '' : `  owner: ${owner}\n`);

describe('readCatalogTree', () => {
  it('reads every YAML file of a directory tree, skipping node_modules and dot-directories', async () => {
    await put('catalog/teams/payments.yaml', group('payments'));
    await put('catalog/services/payments-api.yml', component('payments-api', 'payments'));
    await put('catalog/README.md', '# not YAML');
    await put('catalog/node_modules/some-pkg/catalog-info.yaml', component('vendored', 'nobody'));
    await put('catalog/.github/workflows/ci.yml', 'name: CI\non: [push]\njobs: {}\n');
    await put('catalog/ci/release.yaml', 'name: release\non:\n  push:\n    tags: ["v*"]\n');

    const files = await readCatalogTree(join(dir, 'catalog'));
    expect(files.map((f) => f.path)).toEqual(['ci/release.yaml', 'services/payments-api.yml', 'teams/payments.yaml']);
    expect(files[2]?.content).toBe(group('payments'));

    // The workflow-like file is in the set but contributes nothing.
    const result = parseCatalogFiles(files);
    expect(result.entities.map((e) => e.ref)).toEqual(['component:default/payments-api', 'group:default/payments']);
    expect(result.problems).toEqual([]);
  });

  it('gives paths that make problems read as file:document: field: reason', async () => {
    await put('repo/teams/payments.yaml', `${group('payments')}---\n${component('payments-api', '')}`);
    const result = parseCatalogFiles(await readCatalogTree(join(dir, 'repo')));
    expect(result.problems.map(formatProblem)).toEqual(['teams/payments.yaml:2: spec.owner: is required']);
  });

  it('follows Location targets from a single file, outside its directory when allowed, through a cycle a → b → a', async () => {
    await put(
      'repo/catalog/a.yaml',
      `${location('a', ['../shared/b.yaml', './missing.yaml'])}---\n${group('payments')}`,
    );
    await put(
      'repo/shared/b.yaml',
      `${location('b', ['../catalog/a.yaml', 'https://example.com/c.yaml'])}---\n${group('platform-ci')}`,
    );
    await put('repo/catalog/unrelated.yaml', group('not-followed'));

    const files = await readCatalogTree(join(dir, 'repo/catalog/a.yaml'), { allowOutside: true });
    expect(files.map((f) => f.path)).toEqual(['a.yaml', '../shared/b.yaml']);

    const result = parseCatalogFiles(files);
    expect(result.entities.map((e) => e.ref)).toEqual(['group:default/payments', 'group:default/platform-ci']);
    expect(result.problems).toEqual([]);
    expect(result.warnings.map(formatProblem)).toEqual([
      'a.yaml:1: spec.targets[1]: ./missing.yaml not found',
      '../shared/b.yaml:1: spec.targets[1]: remote targets are not followed',
    ]);
  });

  it('follows a Location from a directory to files outside it when allowed, and expands glob targets', async () => {
    await put('repo/catalog/all.yaml', location('all', ['../services/*/catalog-info.yaml']));
    await put('repo/services/payments-api/catalog-info.yaml', component('payments-api', 'payments'));
    await put('repo/services/ledger/catalog-info.yaml', component('ledger', 'payments'));
    await put('repo/services/ledger/docker-compose.yaml', 'services: {}\n');

    const files = await readCatalogTree(join(dir, 'repo/catalog'), { allowOutside: true });
    expect(files.map((f) => f.path)).toEqual([
      'all.yaml',
      '../services/ledger/catalog-info.yaml',
      '../services/payments-api/catalog-info.yaml',
    ]);
    expect(parseCatalogFiles(files).warnings).toEqual([]);
  });

  it('leaves out files over 20 MB', async () => {
    await put('catalog/huge.yaml', `# ${'x'.repeat(20 * 1024 * 1024)}\n`);
    await put('catalog/team.yaml', group('payments'));
    const files = await readCatalogTree(join(dir, 'catalog'));
    expect(files.map((f) => f.path)).toEqual(['team.yaml']);
  });
});

describe('readCatalogTree outside its tree', () => {
  /** The OutsideTree a read throws, or a failure when it reads. */
  async function refusal(path: string): Promise<OutsideTree> {
    const error = await readCatalogTree(path).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(OutsideTree);
    return error as OutsideTree;
  }

  it('refuses Location targets that climb out of the tree, naming each, and reads nothing', async () => {
    await put('secret.yaml', group('secret'));
    await put('repo/catalog/a.yaml', `${location('a', ['../../secret.yaml', '../../../../../../../../etc/passwd'])}`);
    await put('repo/catalog/b.yaml', location('b', ['../../*.yaml']));
    await put('repo/catalog/team.yaml', group('payments'));
    const tree = await realpath(join(dir, 'repo/catalog'));
    const error = await refusal(join(dir, 'repo/catalog'));
    expect(error.tree).toBe(tree);
    expect(error.refused).toEqual(
      [
        '../../*.yaml (the Location in b.yaml): a glob outside the tree',
        '/etc/passwd (target ../../../../../../../../etc/passwd of the Location in a.yaml)',
        `${join(dir, 'secret.yaml')} (target ../../secret.yaml of the Location in a.yaml)`,
      ].sort(),
    );
    // From a single file, its folder is the tree.
    const single = await refusal(join(dir, 'repo/catalog/a.yaml'));
    expect(single.refused).toHaveLength(2);
  });

  it('refuses a symbolic link in the tree that leads outside it, while a link inside it is read', async () => {
    await put('outside/passwd.yaml', group('not-yours'));
    await put('repo/team.yaml', group('payments'));
    await symlink(join(dir, 'outside/passwd.yaml'), join(dir, 'repo/leak.yaml'));
    await symlink(join(dir, 'repo/team.yaml'), join(dir, 'repo/again.yaml'));
    const error = await refusal(join(dir, 'repo'));
    expect(error.refused).toEqual([
      `${join(dir, 'repo/leak.yaml')}: a symbolic link to ${await realpath(join(dir, 'outside/passwd.yaml'))}`,
    ]);
    const allowed = await readCatalogTree(join(dir, 'repo'), { allowOutside: true });
    expect(allowed.map((f) => f.path)).toEqual(['again.yaml', 'leak.yaml', 'team.yaml']);
  });
});
