import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { componentDoc, documents, groupDoc } from '../../../../test/descriptors.js';
import { GitFixture } from '../../../../test/git-fixture.js';
import { createRegistry } from '../../../jobs/registry.js';
import { JobRunner } from '../../../jobs/runner.js';
import { silentLogger } from '../../../http/logger.js';
import { runImport } from '../../imports/run-import.js';
import { runScanJob } from './jobs.js';

let t: TestApp;
let root: string;

const CATALOG = documents(
  groupDoc('platform'),
  groupDoc('search'),
  `apiVersion: paved.dev/v1alpha1
kind: Capability
metadata: { name: base-images }
spec:
  owner: platform
  lifecycle: ga
  detect: [{ files: "**/Dockerfile", pattern: "^FROM\\\\s+acme/base-" }]
`,
);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'paved-scans-api-'));
  t = await createTestApp({ scanRoot: root });
  await runImport(t.database.db, {
    files: [{ path: 'c.yaml', content: CATALOG }],
    source: 't',
    skipInvalid: false,
    actor: 't',
  });
  const repo = GitFixture.create(join(root, 'indexer'));
  // The repository names its own Component: it is mapped through its catalog-info.yaml.
  repo.commit('2025-03-01T12:00:00Z', {
    'catalog-info.yaml': componentDoc('indexer', 'search'),
    'docker/Dockerfile': 'FROM acme/base-node:20\nRUN npm ci\n',
  });
  await runImport(t.database.db, {
    files: [{ path: 'indexer.yaml', content: componentDoc('indexer', 'search') }],
    source: 'indexer',
    skipInvalid: false,
    actor: 't',
  });
});
afterAll(async () => {
  await t.close();
  rmSync(root, { recursive: true, force: true });
});

describe('POST /api/v1/scans', () => {
  it('scans the configured root as a job and stores what it finds', async () => {
    const queued = await t.call('POST', '/api/v1/scans', { body: { history: true } });
    expect(queued.status).toBe(202);
    expect(queued.body).toMatchObject({ status: 'queued', root, history: true });
    const ran = await new JobRunner(t.database.db, createRegistry([runScanJob(t.database.db)]), silentLogger).drain();
    expect(ran).toBe(1);
    const scan = await t.call('GET', `/api/v1/scans/${queued.body.id}`);
    expect(scan.body).toMatchObject({
      status: 'succeeded',
      summary: { repositories: 1, scanned: 1, mapped: 1, unmapped: [], matching: 1, churned: 0 },
    });
    const repos = await t.call('GET', '/api/v1/repositories');
    expect(repos.body.items).toMatchObject([{ name: 'indexer', service: 'indexer', lastError: null }]);
    const adoption = await t.call('GET', '/api/v1/capabilities/base-images/adoption?from=2025-01-01&to=2025-04-01');
    expect(adoption.body.teams).toMatchObject([
      {
        team: 'search',
        adoptedAt: '2025-03-01T12:00:00.000Z',
        kind: 'voluntary',
        evidence: [{ file: 'docker/Dockerfile', line: 1, text: 'FROM acme/base-node:20' }],
      },
    ]);
  });

  it('refuses paths outside the root and non-admins', async () => {
    const outside = await t.call('POST', '/api/v1/scans', { body: { path: '../..' } });
    expect(outside.status).toBe(400);
    expect(outside.body.error.details).toEqual([{ field: 'path', reason: 'must be inside PAVED_SCAN_ROOT' }]);
    expect((await t.call('POST', '/api/v1/scans', { role: 'member', body: {} })).status).toBe(403);
    expect((await t.call('GET', '/api/v1/scans')).body.items).toHaveLength(1);
  });
});

describe('symbolic links under PAVED_SCAN_ROOT', () => {
  let outside: string;
  beforeAll(() => {
    outside = mkdtempSync(join(tmpdir(), 'paved-scans-outside-'));
    GitFixture.create(join(outside, 'secret')).commit('2025-03-02T12:00:00Z', {
      Dockerfile: 'FROM acme/base-secret:1\n',
    });
  });
  afterAll(() => rmSync(outside, { recursive: true, force: true }));

  it('refuses a requested path that a symbolic link leads outside the root', async () => {
    symlinkSync(outside, join(root, 'elsewhere'));
    try {
      for (const path of ['elsewhere', 'elsewhere/secret']) {
        const answer = await t.call('POST', '/api/v1/scans', { body: { path } });
        expect(answer.status).toBe(400);
        expect(answer.body.error).toEqual({
          code: 'VALIDATION_FAILED',
          message: 'path: must be inside PAVED_SCAN_ROOT',
          details: [{ field: 'path', reason: 'must be inside PAVED_SCAN_ROOT' }],
        });
      }
      const missing = await t.call('POST', '/api/v1/scans', { body: { path: 'no-such-folder' } });
      expect(missing.body.error.details).toEqual([{ field: 'path', reason: 'does not exist' }]);
    } finally {
      rmSync(join(root, 'elsewhere'));
    }
  });

  it('skips, and reports, repositories whose link or .git file leads outside the root when scanning the root', async () => {
    symlinkSync(join(outside, 'secret'), join(root, 'linked'));
    mkdirSync(join(root, 'gitfile'));
    writeFileSync(join(root, 'gitfile', '.git'), `gitdir: ${join(outside, 'secret', '.git')}\n`);
    try {
      const queued = await t.call('POST', '/api/v1/scans', { body: {} });
      expect(queued.status).toBe(202);
      await new JobRunner(t.database.db, createRegistry([runScanJob(t.database.db)]), silentLogger).drain();
      const scan = await t.call('GET', `/api/v1/scans/${queued.body.id}`);
      expect(scan.body).toMatchObject({ status: 'succeeded', summary: { repositories: 1 } });
      expect(scan.body.problems).toEqual([
        `${join(root, 'gitfile')}: leads outside the scan root (a symbolic link or a .git file); skipped`,
        `${join(root, 'linked')}: leads outside the scan root (a symbolic link or a .git file); skipped`,
      ]);
      const repos = await t.call('GET', '/api/v1/repositories');
      expect(repos.body.items.map((r: { name: string }) => r.name)).toEqual(['indexer']);
    } finally {
      rmSync(join(root, 'linked'));
      rmSync(join(root, 'gitfile'), { recursive: true });
    }
  });
});
