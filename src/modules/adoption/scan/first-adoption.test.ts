import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CapabilityRules } from './compile-rules.js';
import { GitFixture } from '../../../../test/git-fixture.js';
import { scanRepository, type CapabilityMatch } from './scan-repository.js';

let dir: string;
let count = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'paved-history-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const GOLDEN_CI: CapabilityRules = {
  capability: 'golden-ci',
  rules: [{ files: '.github/workflows/*.yml', pattern: 'uses:\\s*acme/golden-ci/' }],
};
const WORKFLOW = 'name: ci\njobs:\n  build:\n    uses: acme/golden-ci/build.yml@v1\n';
const OLD_WORKFLOW = 'name: ci\njobs:\n  build:\n    runs-on: ubuntu-latest\n';

function fixture(): GitFixture {
  return GitFixture.create(join(dir, `repo-${++count}`));
}

async function adoptions(
  repo: GitFixture,
  capabilities: CapabilityRules[],
): Promise<Record<string, CapabilityMatch['firstAdoption']>> {
  const result = await scanRepository(repo.path, capabilities, { history: true });
  if (!('matches' in result)) throw new Error(JSON.stringify(result));
  expect(result.problems).toEqual([]);
  return Object.fromEntries(result.matches.map((m) => [m.capability, m.firstAdoption]));
}

describe('first adoption from history', () => {
  it('is the commit that adopted the capability when it was kept since', async () => {
    const repo = fixture();
    repo.commit('2024-01-01T12:00:00Z', { 'README.md': 'x\n' });
    repo.commit('2024-02-01T12:00:00Z', { '.github/workflows/ci.yml': OLD_WORKFLOW });
    const adopted = repo.commit('2024-03-01T12:00:00+01:00', { '.github/workflows/ci.yml': WORKFLOW });
    repo.commit('2024-04-01T12:00:00Z', { 'src/app.ts': 'export {};\n' });
    repo.commit('2024-05-01T12:00:00Z', { '.github/workflows/ci.yml': `${WORKFLOW}# cache: true\n` });
    expect(await adoptions(repo, [GOLDEN_CI])).toEqual({
      'golden-ci': { commit: adopted, date: '2024-03-01T11:00:00Z' },
    });
  });

  it('is the re-adoption when the capability was adopted, removed and adopted again', async () => {
    const repo = fixture();
    repo.commit('2024-01-01T00:00:00Z', { '.github/workflows/ci.yml': WORKFLOW });
    repo.commit('2024-02-01T00:00:00Z', { '.github/workflows/ci.yml': OLD_WORKFLOW });
    repo.commit('2024-03-01T00:00:00Z', { 'src/app.ts': 'export {};\n' });
    const readopted = repo.commit('2024-04-01T00:00:00Z', { '.github/workflows/ci.yml': WORKFLOW });
    repo.commit('2024-05-01T00:00:00Z', { 'src/app.ts': 'export const x = 1;\n' });
    expect(await adoptions(repo, [GOLDEN_CI])).toEqual({
      'golden-ci': { commit: readopted, date: '2024-04-01T00:00:00Z' },
    });
  });

  it('counts a deleted and re-created file as a removal', async () => {
    const repo = fixture();
    repo.commit('2024-01-01T00:00:00Z', { '.github/workflows/ci.yml': WORKFLOW });
    repo.commit('2024-02-01T00:00:00Z', {
      '.github/workflows/ci.yml': null,
      '.github/workflows/other.yml': OLD_WORKFLOW,
    });
    const back = repo.commit('2024-03-01T00:00:00Z', { '.github/workflows/main.yml': WORKFLOW });
    expect(await adoptions(repo, [GOLDEN_CI])).toEqual({ 'golden-ci': { commit: back, date: '2024-03-01T00:00:00Z' } });
  });

  it('is the first commit when the rules matched from the start', async () => {
    const repo = fixture();
    const first = repo.commit('2023-12-31T23:00:00-02:00', { '.github/workflows/ci.yml': WORKFLOW });
    repo.commit('2024-02-01T00:00:00Z', { 'src/app.ts': 'export {};\n' });
    repo.commit('2024-03-01T00:00:00Z', { '.github/workflows/ci.yml': `${WORKFLOW}\n` });
    expect(await adoptions(repo, [GOLDEN_CI])).toEqual({
      'golden-ci': { commit: first, date: '2024-01-01T01:00:00Z' },
    });
  });

  it('stays matched while one rule takes over from another', async () => {
    const twoWays: CapabilityRules = {
      capability: 'base-images',
      rules: [
        { files: 'Dockerfile', pattern: '^FROM\\s+acme/base-' },
        { dependency: { ecosystem: 'npm', name: '@acme/base' } },
      ],
    };
    const repo = fixture();
    repo.commit('2024-01-01T00:00:00Z', { Dockerfile: 'FROM node:20\n', 'package.json': '{"name":"x"}\n' });
    const adopted = repo.commit('2024-02-01T00:00:00Z', { Dockerfile: 'FROM acme/base-node:20\n' });
    repo.commit('2024-03-01T00:00:00Z', { 'package.json': '{"name":"x","dependencies":{"@acme/base":"1.0.0"}}\n' });
    repo.commit('2024-04-01T00:00:00Z', { Dockerfile: null });
    expect(await adoptions(repo, [twoWays])).toEqual({
      'base-images': { commit: adopted, date: '2024-02-01T00:00:00Z' },
    });
  });

  it('follows a dependency moved between sections, and ignores other dependencies changing', async () => {
    const telemetry: CapabilityRules = {
      capability: 'telemetry',
      rules: [{ dependency: { ecosystem: 'npm', name: '@acme/telemetry' } }],
    };
    const repo = fixture();
    repo.commit('2024-01-01T00:00:00Z', { 'package.json': '{"dependencies":{"left-pad":"1"}}\n' });
    const adopted = repo.commit('2024-02-01T00:00:00Z', {
      'package.json': '{"dependencies":{"left-pad":"1","@acme/telemetry":"^1"}}\n',
    });
    repo.commit('2024-03-01T00:00:00Z', {
      'package.json': '{"dependencies":{"left-pad":"2"},"devDependencies":{"@acme/telemetry":"^1"}}\n',
    });
    repo.commit('2024-04-01T00:00:00Z', { 'packages/web/package.json': '{"dependencies":{"react":"19"}}\n' });
    expect(await adoptions(repo, [telemetry])).toEqual({
      telemetry: { commit: adopted, date: '2024-02-01T00:00:00Z' },
    });
  });

  it('dates an adoption merged from a branch at the merge, on the first-parent history', async () => {
    const repo = fixture();
    repo.commit('2024-01-01T00:00:00Z', { '.github/workflows/ci.yml': OLD_WORKFLOW });
    repo.git(['checkout', '-q', '-b', 'adopt']);
    repo.commit('2024-02-01T00:00:00Z', { '.github/workflows/ci.yml': WORKFLOW });
    repo.git(['checkout', '-q', 'main']);
    repo.commit('2024-02-15T00:00:00Z', { 'src/app.ts': 'export {};\n' });
    const merge = repo.merge('2024-03-01T00:00:00Z', 'adopt');
    repo.commit('2024-04-01T00:00:00Z', { 'src/app.ts': 'export const y = 2;\n' });
    expect(await adoptions(repo, [GOLDEN_CI])).toEqual({
      'golden-ci': { commit: merge, date: '2024-03-01T00:00:00Z' },
    });
  });

  it('is computed only with history, and only for capabilities matching at HEAD', async () => {
    const repo = fixture();
    repo.commit('2024-01-01T00:00:00Z', {
      '.github/workflows/ci.yml': WORKFLOW,
      Jenkinsfile: "@Library('acme-pipeline-lib')\n",
    });
    repo.commit('2024-02-01T00:00:00Z', { Jenkinsfile: null });
    const jenkins: CapabilityRules = { capability: 'jenkins', rules: [{ files: 'Jenkinsfile', pattern: '@Library' }] };
    expect(Object.keys(await adoptions(repo, [GOLDEN_CI, jenkins]))).toEqual(['golden-ci']);
    const result = await scanRepository(repo.path, [GOLDEN_CI], { history: false });
    expect('matches' in result && result.matches[0]?.firstAdoption).toBeNull();
  });

  it('uses the glob syntax git does not share (braces) through a wider pathspec', async () => {
    const braces: CapabilityRules = {
      capability: 'golden-ci',
      rules: [{ files: '.github/workflows/*.{yml,yaml}', pattern: 'acme/golden-ci/' }],
    };
    const repo = fixture();
    repo.commit('2024-01-01T00:00:00Z', { '.github/workflows/ci.yaml': OLD_WORKFLOW });
    const adopted = repo.commit('2024-02-01T00:00:00Z', { '.github/workflows/ci.yaml': WORKFLOW });
    repo.commit('2024-03-01T00:00:00Z', { '.github/workflows/notes.txt': 'acme/golden-ci/ is great\n' });
    expect(await adoptions(repo, [braces])).toEqual({ 'golden-ci': { commit: adopted, date: '2024-02-01T00:00:00Z' } });
  });
});
