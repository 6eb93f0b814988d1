import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/db.js';
import { componentDoc, documents, groupDoc } from '../../../../test/descriptors.js';
import { GitFixture } from '../../../../test/git-fixture.js';
import { insertMandate } from '../repo.js';
import { capabilityAdoption } from '../service.js';
import { getEntityRow } from '../../catalog/service.js';
import { runImport } from '../../imports/run-import.js';
import { runScan } from './service.js';

let database: TestDatabase;
let root: string;

const slug = (name: string) => ({ annotations: { 'github.com/project-slug': `acme/${name}` } });
const CATALOG = documents(
  groupDoc('platform'),
  groupDoc('alpha'),
  groupDoc('beta'),
  groupDoc('gamma'),
  componentDoc('alpha-svc', 'alpha', slug('alpha-svc')),
  componentDoc('beta-svc', 'beta', slug('beta-svc')),
  componentDoc('gamma-svc', 'gamma', slug('gamma-svc')),
  `apiVersion: paved.dev/v1alpha1
kind: Capability
metadata: { name: golden-ci }
spec:
  owner: platform
  lifecycle: ga
  gaDate: 2025-01-01
  detect:
    - files: ".github/workflows/*.yml"
      pattern: "uses:\\\\s*acme/golden-ci/"
`,
);

const WORKFLOW = 'name: ci\non: push\njobs:\n  build:\n    uses: acme/golden-ci/.github/workflows/build.yml@v3\n';
const at = (day: string) => `${day}T10:00:00Z`;
let alpha: GitFixture;

beforeAll(async () => {
  database = await createTestDatabase();
  await runImport(database.db, {
    files: [{ path: 'catalog-info.yaml', content: CATALOG }],
    source: 'test',
    skipInvalid: false,
    actor: 'test',
  });
  root = mkdtempSync(join(tmpdir(), 'paved-scan-'));
  // alpha adopts on 2025-02-01 and keeps it.
  alpha = GitFixture.create(join(root, 'alpha-svc'));
  alpha.commit(at('2025-01-10'), { 'README.md': '# alpha\n' });
  alpha.commit(at('2025-02-01'), { '.github/workflows/ci.yml': WORKFLOW });
  alpha.commit(at('2025-03-01'), { 'src/index.ts': 'export {};\n' });
  // beta adopts on 2025-01-05, drops it on 2025-04-01, adopts again on 2025-05-01: first adoption is 2025-05-01.
  const beta = GitFixture.create(join(root, 'beta-svc'));
  beta.commit(at('2025-01-05'), { '.github/workflows/ci.yml': WORKFLOW });
  beta.commit(at('2025-04-01'), { '.github/workflows/ci.yml': null });
  beta.commit(at('2025-05-01'), { '.github/workflows/build.yml': WORKFLOW });
  // gamma has a workflow that uses something else.
  GitFixture.create(join(root, 'gamma-svc')).commit(at('2025-01-01'), {
    '.github/workflows/ci.yml': 'jobs:\n  b:\n    uses: actions/checkout@v4\n',
  });
  // A folder that is not a repository is reported and skipped.
  mkdirSync(join(root, 'notes'));
  writeFileSync(join(root, 'notes', 'todo.txt'), 'nothing\n');
});
afterAll(async () => {
  await database.close();
  rmSync(root, { recursive: true, force: true });
});

async function adoption(to: string) {
  const capability = await getEntityRow(database.db, 'Capability', 'default', 'golden-ci');
  return capabilityAdoption(
    database.db,
    capability,
    { from: new Date('2025-01-01T00:00:00Z'), to: new Date(to) },
    new Date(to),
  );
}

describe('scanning real repositories into adoption numbers', () => {
  it('finds the adopting services, first adoption from history, and classifies them by mandate', async () => {
    const capability = await getEntityRow(database.db, 'Capability', 'default', 'golden-ci');
    await insertMandate(database.db, {
      capabilityId: capability.id,
      scope: 'all',
      teamRefs: [],
      effectiveFrom: new Date('2025-04-15T00:00:00Z'),
      deadline: null,
      note: null,
      createdBy: 'test',
    });
    const { summary, problems } = await runScan(database.db, { root, history: true, actor: 'test' });
    expect(summary).toEqual({
      repositories: 3,
      scanned: 3,
      unchanged: 0,
      failed: 0,
      mapped: 3,
      unmapped: [],
      matching: 2,
      churned: 0,
    });
    expect(problems.some((p) => p.includes('notes'))).toBe(true);

    const result = await adoption('2025-06-01T00:00:00Z');
    // Eligible: alpha, beta, gamma. alpha adopted 2025-02-01 (voluntary: before the mandate), beta 2025-05-01
    // (mandated: the all-teams mandate took effect on 2025-04-15). Days from GA: 31 and 120 → median 75.5.
    expect(result.summary).toEqual({
      eligibleTeams: 3,
      adoptingTeams: 2,
      voluntaryTeams: 1,
      mandatedTeams: 1,
      adoptionRate: 2 / 3,
      voluntaryShare: 1 / 2,
      medianDaysToAdopt: 75.5,
      churnedTeams: 0,
    });
    expect(result.teams.map((t) => [t.team, t.adoptedAt, t.kind])).toEqual([
      ['alpha', '2025-02-01T10:00:00.000Z', 'voluntary'],
      ['beta', '2025-05-01T10:00:00.000Z', 'mandated'],
    ]);
    expect(result.teams[1]?.evidence[0]).toMatchObject({
      type: 'detection',
      service: 'beta-svc',
      file: '.github/workflows/build.yml',
      line: 5,
      text: 'uses: acme/golden-ci/.github/workflows/build.yml@v3',
    });
  });

  it('skips unchanged repositories and churns a service whose repository stops matching', async () => {
    const again = await runScan(database.db, { root, history: true, actor: 'test' });
    expect(again.summary).toMatchObject({ scanned: 0, unchanged: 3, churned: 0 });

    alpha.commit(at('2025-06-10'), { '.github/workflows/ci.yml': null });
    const after = await runScan(database.db, { root, history: true, actor: 'test' });
    expect(after.summary).toMatchObject({ scanned: 1, unchanged: 2, churned: 1 });
    const row = await database.db
      .selectFrom('detections as d')
      .innerJoin('repositories as r', 'r.id', 'd.repository_id')
      .select(['d.matched', 'd.unmatched_since'])
      .where('r.name', '=', 'alpha-svc')
      .executeTakeFirstOrThrow();
    expect(row.matched).toBe(false);
    const later = await adoption('2030-01-01T00:00:00Z');
    expect(later.teams.map((t) => [t.team, t.status])).toEqual([
      ['alpha', 'churned'],
      ['beta', 'active'],
    ]);
  });
});
