import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CapabilityRules } from './compile-rules.js';
import { GitFixture } from '../../../../test/git-fixture.js';
import { scanRepository, type RepositoryScan, type ScanResult } from './scan-repository.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'paved-scan-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function scanned(result: ScanResult): RepositoryScan {
  if (!('matches' in result)) throw new Error(`expected a scan, got ${JSON.stringify(result)}`);
  return result;
}

const CAPABILITIES: CapabilityRules[] = [
  { capability: 'golden-ci', rules: [{ files: '.github/workflows/*.yml', pattern: 'uses:\\s*acme/golden-ci/' }] },
  { capability: 'jenkins-library', rules: [{ files: 'Jenkinsfile', pattern: "@Library\\('acme" }] },
  {
    capability: 'base-images',
    rules: [
      { files: 'Dockerfile', pattern: '^FROM\\s+acme/base-' },
      { files: '**/Dockerfile', pattern: '^FROM\\s+acme/base-' },
    ],
  },
  { capability: 'slo-as-code', rules: [{ files: '.acme/slo.yaml' }] },
  // The pattern is in docs/ci.md and in .yml workflows, never in a file the glob names.
  { capability: 'yaml-only', rules: [{ files: '.github/workflows/*.yaml', pattern: 'acme/golden-ci' }] },
  { capability: 'windows-lines', rules: [{ files: 'scripts/*.cmd', pattern: 'acme-setup$' }] },
  { capability: 'long-lines', rules: [{ files: 'config/*.conf', pattern: 'acme-marker' }] },
];

describe('scanRepository at HEAD', () => {
  let repo: GitFixture;
  let head: string;
  beforeAll(() => {
    repo = GitFixture.create(join(dir, 'payments'));
    repo.commit('2024-01-10T09:00:00+02:00', { 'README.md': '# payments\n' });
    head = repo.commit('2024-03-01T10:30:00+02:00', {
      '.github/workflows/ci.yml':
        'name: ci\njobs:\n  build:\n    uses:   acme/golden-ci/.github/workflows/build.yml@v2\n',
      '.github/workflows/lint.yml': 'name: lint\njobs:\n  lint:\n    runs-on: ubuntu-latest\n',
      'docs/ci.md': 'We use `uses: acme/golden-ci/` in .github/workflows/*.yml\n',
      Dockerfile: '# syntax=docker/dockerfile:1\nFROM acme/base-python:3.12\n',
      'services/api/Dockerfile': 'FROM acme/base-node:20 AS build\nRUN npm ci\n',
      'services/worker/Dockerfile': 'FROM node:20\n',
      '.acme/slo.yaml': 'kind: ServiceLevelObjective\n',
      'scripts/setup.cmd': 'echo off\r\ncall acme-setup\r\nexit\r\n',
      'config/app.conf': `x=1\n   ${'y'.repeat(250)} acme-marker   \n`,
    });
    repo.git(['remote', 'add', 'origin', 'https://ci-bot:s3cret@github.com/acme/payments.git']);
  });

  it('finds the capabilities used, with the file, line and text of each piece of evidence', async () => {
    const result = scanned(await scanRepository(repo.path, CAPABILITIES, { history: false }));
    expect(result).toMatchObject({
      path: repo.path,
      name: 'payments',
      head,
      headDate: '2024-03-01T08:30:00Z',
      remoteUrl: 'https://github.com/acme/payments.git',
      component: null,
      problems: [],
    });
    expect(result.matches).toEqual([
      {
        capability: 'golden-ci',
        evidence: [
          {
            ruleIndex: 0,
            file: '.github/workflows/ci.yml',
            line: 4,
            text: 'uses:   acme/golden-ci/.github/workflows/build.yml@v2',
          },
        ],
        firstAdoption: null,
      },
      {
        capability: 'base-images',
        evidence: [
          { ruleIndex: 0, file: 'Dockerfile', line: 2, text: 'FROM acme/base-python:3.12' },
          { ruleIndex: 1, file: 'Dockerfile', line: 2, text: 'FROM acme/base-python:3.12' },
          { ruleIndex: 1, file: 'services/api/Dockerfile', line: 1, text: 'FROM acme/base-node:20 AS build' },
        ],
        firstAdoption: null,
      },
      {
        capability: 'slo-as-code',
        evidence: [{ ruleIndex: 0, file: '.acme/slo.yaml', line: null, text: null }],
        firstAdoption: null,
      },
      {
        capability: 'windows-lines',
        evidence: [{ ruleIndex: 0, file: 'scripts/setup.cmd', line: 2, text: 'call acme-setup' }],
        firstAdoption: null,
      },
      {
        capability: 'long-lines',
        evidence: [{ ruleIndex: 0, file: 'config/app.conf', line: 2, text: 'y'.repeat(200) }],
        firstAdoption: null,
      },
    ]);
  });

  it('skips a repository whose HEAD has not moved, and scans it when it has', async () => {
    expect(await scanRepository(repo.path, CAPABILITIES, { history: false, previousHead: head })).toEqual({
      path: repo.path,
      unchanged: true,
      head,
    });
    const moved = await scanRepository(repo.path, CAPABILITIES, { history: false, previousHead: 'f'.repeat(40) });
    expect(scanned(moved).head).toBe(head);
  });
});

describe('files the scanner does not read', () => {
  it('does not read binary files or files over 1 MB for patterns, and still sees that they exist', async () => {
    const repo = GitFixture.create(join(dir, 'assets'));
    repo.commit('2024-01-01T00:00:00Z', {
      'assets/logo.bin': Buffer.concat([
        Buffer.from('ACME-MAGIC\n'),
        Buffer.from([0, 1, 2, 3]),
        Buffer.from('\nACME-MAGIC\n'),
      ]),
      'data/big.txt': `ACME-MAGIC\n${'x'.repeat(80)}\n`.repeat(13_000),
      'data/small.txt': 'nothing here\n',
    });
    const capabilities: CapabilityRules[] = [
      { capability: 'binary-pattern', rules: [{ files: 'assets/*', pattern: 'ACME-MAGIC' }] },
      { capability: 'large-pattern', rules: [{ files: 'data/*.txt', pattern: 'ACME-MAGIC' }] },
      { capability: 'large-exists', rules: [{ files: 'data/big.txt' }] },
    ];
    const result = scanned(await scanRepository(repo.path, capabilities, { history: false }));
    expect(result.matches).toEqual([
      {
        capability: 'large-exists',
        evidence: [{ ruleIndex: 0, file: 'data/big.txt', line: null, text: null }],
        firstAdoption: null,
      },
    ]);
    expect(result.problems).toEqual(['data/big.txt is over 1 MB; not read for the pattern of large-pattern']);
  });
});

describe('entries that are not regular files', () => {
  it('counts a symlink as existing without reading its target as content, and ignores submodules', async () => {
    const repo = GitFixture.create(join(dir, 'links'));
    repo.commit('2024-01-01T00:00:00Z', { 'real/ci.txt': 'uses: acme/golden-ci/x\n' });
    symlinkSync('real/ci.txt', join(repo.path, 'ci.yml'));
    repo.git(['add', 'ci.yml']);
    repo.git(['update-index', '--add', '--cacheinfo', `160000,${repo.git(['rev-parse', 'HEAD'])},vendor/lib`]);
    const date = '2024-02-01T00:00:00Z';
    repo.git(['commit', '-q', '-m', 'link and submodule'], { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
    expect(
      repo
        .git(['ls-tree', '-r', 'HEAD'])
        .split('\n')
        .map((line) => line.split(/\s+/)[0]),
    ).toEqual(['120000', '100644', '160000']);
    const capabilities: CapabilityRules[] = [
      { capability: 'link-exists', rules: [{ files: '*.yml' }] },
      { capability: 'link-pattern', rules: [{ files: '*.yml', pattern: 'golden-ci|real' }] },
      { capability: 'submodule', rules: [{ files: 'vendor/**' }] },
    ];
    const result = scanned(await scanRepository(repo.path, capabilities, { history: true }));
    expect(result.matches).toEqual([
      {
        capability: 'link-exists',
        evidence: [{ ruleIndex: 0, file: 'ci.yml', line: null, text: null }],
        firstAdoption: { commit: result.head, date: '2024-02-01T00:00:00Z' },
      },
    ]);
  });
});

describe('evidence', () => {
  it('keeps at most 10 files per rule, the first in path order', async () => {
    const repo = GitFixture.create(join(dir, 'many'));
    const files = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [`svc-${String(i).padStart(2, '0')}/Dockerfile`, 'FROM acme/base-go:1\n']),
    );
    repo.commit('2024-01-01T00:00:00Z', files);
    const result = scanned(await scanRepository(repo.path, CAPABILITIES, { history: false }));
    expect(result.matches.map((m) => [m.capability, m.evidence.map((e) => e.file)])).toEqual([
      ['base-images', Array.from({ length: 10 }, (_, i) => `svc-${String(i).padStart(2, '0')}/Dockerfile`)],
    ]);
  });
});

describe('a runaway pattern', () => {
  it('is stopped and reported, while its other files and the other capabilities are still matched', async () => {
    const repo = GitFixture.create(join(dir, 'runaway'));
    repo.commit('2024-01-01T00:00:00Z', {
      'src/a-long.txt': `${'a'.repeat(40)}!\n`,
      'src/b-short.txt': 'xyz\naaa\n',
      '.github/workflows/ci.yml': 'uses: acme/golden-ci/build@v1\n',
    });
    const capabilities: CapabilityRules[] = [
      { capability: 'runaway', rules: [{ files: 'src/*.txt', pattern: '(a+)+$' }] },
      { capability: 'golden-ci', rules: [{ files: '.github/workflows/*.yml', pattern: 'uses:\\s*acme/golden-ci/' }] },
    ];
    const started = Date.now();
    const result = scanned(await scanRepository(repo.path, capabilities, { history: true, patternBudgetMs: 300 }));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result.problems).toEqual([
      'pattern of runaway (detect[0]) ran longer than 300 ms on src/a-long.txt; skipped',
    ]);
    expect(result.matches.map((m) => [m.capability, m.evidence])).toEqual([
      ['runaway', [{ ruleIndex: 0, file: 'src/b-short.txt', line: 2, text: 'aaa' }]],
      [
        'golden-ci',
        [{ ruleIndex: 0, file: '.github/workflows/ci.yml', line: 1, text: 'uses: acme/golden-ci/build@v1' }],
      ],
    ]);
  });
});

describe('the catalog-info.yaml Component', () => {
  it('is the first Component of the root descriptor', async () => {
    const repo = GitFixture.create(join(dir, 'with-descriptor'));
    repo.commit('2024-01-01T00:00:00Z', {
      'catalog-info.yaml': [
        'apiVersion: backstage.io/v1alpha1\nkind: System\nmetadata:\n  name: payments\n',
        'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: payments-api\n  namespace: billing\nspec:\n  owner: team-a\n',
      ].join('---\n'),
      'services/other/catalog-info.yaml': 'kind: Component\nmetadata:\n  name: nested\n',
    });
    const result = scanned(await scanRepository(repo.path, [], { history: false }));
    expect(result.component).toEqual({ name: 'payments-api', namespace: 'billing' });
    expect(result.problems).toEqual([]);
  });

  it('defaults the namespace, and is null when only nested descriptors exist', async () => {
    const plain = GitFixture.create(join(dir, 'plain-descriptor'));
    plain.commit('2024-01-01T00:00:00Z', { 'catalog-info.yaml': 'kind: Component\nmetadata:\n  name: orders\n' });
    expect(scanned(await scanRepository(plain.path, [], { history: false })).component).toEqual({
      name: 'orders',
      namespace: 'default',
    });

    const nested = GitFixture.create(join(dir, 'nested-descriptor'));
    nested.commit('2024-01-01T00:00:00Z', {
      'services/a/catalog-info.yaml': 'kind: Component\nmetadata:\n  name: a\n',
    });
    expect(scanned(await scanRepository(nested.path, [], { history: false })).component).toBeNull();
  });

  it('reports a descriptor that is not valid YAML', async () => {
    const repo = GitFixture.create(join(dir, 'broken-descriptor'));
    repo.commit('2024-01-01T00:00:00Z', { 'catalog-info.yaml': 'kind: Component\nmetadata: [unclosed\n' });
    const result = scanned(await scanRepository(repo.path, [], { history: false }));
    expect(result.component).toBeNull();
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(/^catalog-info\.yaml: invalid YAML: /);
  });
});
