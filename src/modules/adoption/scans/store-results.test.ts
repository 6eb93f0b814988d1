import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/db.js';
import { componentDoc, documents, groupDoc } from '../../../../test/descriptors.js';
import { capabilityAdoption } from '../service.js';
import { getEntityRow } from '../../catalog/service.js';
import { runImport } from '../../imports/run-import.js';
import type { RepositoryResult } from './contract.js';
import * as repo from './repo.js';
import { storeScanResults } from './store-results.js';

let database: TestDatabase;

const CATALOG = documents(
  groupDoc('platform'),
  groupDoc('payments'),
  componentDoc('ledger', 'payments', { annotations: { 'github.com/project-slug': 'acme/ledger' } }),
  `apiVersion: paved.dev/v1alpha1
kind: Capability
metadata: { name: golden-ci }
spec:
  owner: platform
  lifecycle: ga
  detect: [{ files: ".github/workflows/*.yml", pattern: "uses:\\\\s*acme/golden-ci/" }]
`,
);

const scanned = (
  head: string,
  headDate: string,
  matches: boolean,
  firstAdoption: { commit: string; date: string } | null = null,
): RepositoryResult => ({
  path: '/repos/ledger',
  name: 'ledger',
  head,
  headDate,
  remoteUrl: 'git@github.com:acme/ledger.git',
  component: null,
  matches: matches
    ? [
        {
          capability: 'golden-ci',
          evidence: [
            { ruleIndex: 0, file: '.github/workflows/ci.yml', line: 3, text: 'uses: acme/golden-ci/build@v2' },
          ],
          firstAdoption,
        },
      ]
    : [],
  problems: [],
});

async function scan(results: RepositoryResult[], now: string) {
  const { id } = await repo.insertScan(database.db, {
    root: '/repos',
    history: false,
    status: 'running',
    requestedBy: 'test',
  });
  return storeScanResults(database.db, id, results, new Date(now));
}

beforeAll(async () => {
  database = await createTestDatabase();
  await runImport(database.db, {
    files: [{ path: 'c.yaml', content: CATALOG }],
    source: 't',
    skipInvalid: false,
    actor: 't',
  });
});
afterAll(() => database.close());

describe('storeScanResults', () => {
  it('maps the repository to its service by remote, dates adoption from history, and churns when the match goes', async () => {
    const first = await scan(
      [
        scanned('a1b2c3d', '2025-03-10T12:00:00Z', true, { commit: 'f00d123', date: '2025-02-01T09:00:00Z' }),
        {
          path: '/repos/unknown',
          name: 'unknown',
          head: 'abcdef1',
          headDate: '2025-03-01T00:00:00Z',
          remoteUrl: null,
          component: null,
          matches: [],
          problems: [],
        },
      ],
      '2025-03-11T00:00:00Z',
    );
    expect(first).toEqual({
      repositories: 2,
      scanned: 2,
      unchanged: 0,
      failed: 0,
      mapped: 1,
      unmapped: ['unknown'],
      matching: 1,
      churned: 0,
    });
    const detections = await database.db.selectFrom('detections').selectAll().execute();
    expect(detections).toHaveLength(1);
    expect(detections[0]).toMatchObject({
      matched: true,
      commit: 'a1b2c3d',
      adoption_commit: 'f00d123',
      from_history: true,
      unmatched_since: null,
    });
    expect(new Date(detections[0]!.adopted_at).toISOString()).toBe('2025-02-01T09:00:00.000Z');

    const unchanged = await scan([{ path: '/repos/ledger', unchanged: true, head: 'a1b2c3d' }], '2025-04-01T00:00:00Z');
    expect(unchanged).toMatchObject({ scanned: 0, unchanged: 1, churned: 0 });

    const gone = await scan([scanned('0abc999', '2025-05-01T00:00:00Z', false)], '2025-05-02T00:00:00Z');
    expect(gone).toMatchObject({ scanned: 1, matching: 0, churned: 1 });
    const after = await database.db.selectFrom('detections').selectAll().executeTakeFirstOrThrow();
    expect(after.matched).toBe(false);
    expect(new Date(after.unmatched_since!).toISOString()).toBe('2025-05-02T00:00:00.000Z');

    const capability = await getEntityRow(database.db, 'Capability', 'default', 'golden-ci');
    const adoption = await capabilityAdoption(
      database.db,
      capability,
      { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-06-01T00:00:00Z') },
      new Date('2025-06-01T00:00:00Z'),
    );
    expect(adoption.teams.map((t) => [t.team, t.adoptedAt, t.churnedAt, t.status])).toEqual([
      ['payments', '2025-02-01T09:00:00.000Z', '2025-05-02T00:00:00.000Z', 'churned'],
    ]);

    // Found again without history: the adoption starts over at the commit that brought it back.
    await scan([scanned('0abc777', '2025-07-01T00:00:00Z', true)], '2025-07-02T00:00:00Z');
    const back = await database.db.selectFrom('detections').selectAll().executeTakeFirstOrThrow();
    expect(back).toMatchObject({
      matched: true,
      unmatched_since: null,
      adoption_commit: '0abc777',
      from_history: false,
    });
    expect(new Date(back.adopted_at).toISOString()).toBe('2025-07-01T00:00:00.000Z');
  });
});
