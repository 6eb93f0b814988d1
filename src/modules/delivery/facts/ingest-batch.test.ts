import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { componentDoc, documents, groupDoc } from '../../../../test/descriptors.js';
import { runImport } from '../../imports/run-import.js';

let t: TestApp;
const post = async (kind: string, body: unknown[]) => (await t.call('POST', `/api/v1/${kind}`, { body })).body;
const sha = (n: number) => n.toString(16).padStart(8, '0');
const at = (minute: number) => new Date(Date.UTC(2025, 2, 1) + minute * 60_000).toISOString();

beforeAll(async () => {
  t = await createTestApp();
  const catalog = documents(
    groupDoc('core'),
    componentDoc('api', 'core', { annotations: { 'github.com/project-slug': 'acme/api' } }),
  );
  await runImport(t.database.db, {
    files: [{ path: 'c.yaml', content: catalog }],
    source: 't',
    skipInvalid: false,
    actor: 't',
  });
});
afterAll(() => t.close());

describe('set-based ingest', () => {
  it('stores a full batch of 10,000 (several statements) and counts a resend as unchanged', async () => {
    const deployments = Array.from({ length: 10_000 }, (_, i) => ({
      id: `d${i}`,
      service: 'api',
      commit: sha(i),
      finishedAt: at(i),
    }));
    expect(await post('deployments', deployments)).toEqual({ created: 10_000, updated: 0, unchanged: 0, rejected: [] });
    expect(await post('deployments', deployments)).toEqual({ created: 0, updated: 0, unchanged: 10_000, rejected: [] });
    const changes = Array.from({ length: 2500 }, (_, i) => ({ service: 'api', commit: sha(i), timestamp: at(i) }));
    expect(await post('changes', changes)).toEqual({ created: 2500, updated: 0, unchanged: 0, rejected: [] });
    const stored = await t.database.db
      .selectFrom('deployments')
      .select(['repository', 'commit_sha', 'finished_at'])
      .where('external_id', '=', 'd9999')
      .executeTakeFirstOrThrow();
    // 9,999 minutes after 2025-03-01T00:00Z = 6 days 22 h 39 min.
    expect({ ...stored, finished_at: new Date(stored.finished_at).toISOString() }).toEqual({
      repository: 'acme/api',
      commit_sha: '0000270f',
      finished_at: '2025-03-07T22:39:00.000Z',
    });
  });

  it('counts the same id twice in a batch as an update, and stores the later one', async () => {
    const first = { id: 'twice', service: 'api', environment: 'production', finishedAt: at(0) };
    const later = { ...first, finishedAt: at(60) };
    expect(await post('deployments', [first, later])).toEqual({ created: 1, updated: 1, unchanged: 0, rejected: [] });
    // Against what was stored before the batch (later): first differs (updated), later is equal (unchanged); later wins.
    expect(await post('deployments', [first, later])).toEqual({ created: 0, updated: 1, unchanged: 1, rejected: [] });
    const row = await t.database.db
      .selectFrom('deployments')
      .select('finished_at')
      .where('external_id', '=', 'twice')
      .executeTakeFirstOrThrow();
    expect(new Date(row.finished_at).toISOString()).toBe(at(60));
  });

  it('keeps the first record of a commit sent twice, and updates an incident whose causes change', async () => {
    const dup = [
      { service: 'api', commit: 'abcdef01', timestamp: at(5) },
      { service: 'api', commit: 'ABCDEF01', timestamp: at(9) },
    ];
    expect(await post('changes', dup)).toEqual({ created: 1, updated: 0, unchanged: 1, rejected: [] });
    const change = await t.database.db
      .selectFrom('changes')
      .select('committed_at')
      .where('commit_sha', '=', 'abcdef01')
      .executeTakeFirstOrThrow();
    expect(new Date(change.committed_at).toISOString()).toBe(at(5));

    const incident = { id: 'inc', service: 'api', triggeredAt: at(0), causes: ['config'] };
    expect(await post('incidents', [incident])).toEqual({ created: 1, updated: 0, unchanged: 0, rejected: [] });
    expect(await post('incidents', [incident])).toEqual({ created: 0, updated: 0, unchanged: 1, rejected: [] });
    expect(await post('incidents', [{ ...incident, causes: ['config', 'capacity'] }])).toEqual({
      created: 0,
      updated: 1,
      unchanged: 0,
      rejected: [],
    });
    const row = await t.database.db
      .selectFrom('incidents')
      .select('cause_tags')
      .where('external_id', '=', 'inc')
      .executeTakeFirstOrThrow();
    expect(row.cause_tags).toEqual(['config', 'capacity']);
  });
});
