import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.js';
import { createRegistry } from '../../jobs/registry.js';
import { claimNextJob, enqueueJob, getJob } from '../../jobs/queue.js';
import { JobRunner } from '../../jobs/runner.js';
import { silentLogger } from '../../http/logger.js';
import { createDeliveryWriter, type NewDelivery } from './delivery-writer.js';
import { DERIVE_DELIVERY, deriveDeliveryJob, deriveSweep } from './derive-job.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const runner = () => new JobRunner(database.db, createRegistry([deriveDeliveryJob(database.db)]), silentLogger);
const push = (deliveryId: string, repository: string, ref: string, commits: unknown[] = []): NewDelivery => ({
  source: 'github',
  deliveryId,
  event: 'push',
  headers: {},
  body: JSON.stringify({ ref, repository: { full_name: repository, default_branch: 'main' }, commits }),
  integrationId: null,
  ignored: null,
});
const statuses = async () =>
  Object.fromEntries(
    (
      await database.db
        .selectFrom('deliveries')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('status')
        .execute()
    ).map((r) => [r.status, Number(r.n)]),
  );

describe('the derivation job', () => {
  it('derives a backlog 2,000 deliveries at a time, leaving the rest to a next job', async () => {
    const writer = createDeliveryWriter(database.db);
    // 2,001 pushes to a branch that is not the default one: each is read, and ignored.
    await Promise.all(
      Array.from({ length: 2001 }, (_, i) => writer.write(push(`backlog-${i}`, 'acme/shop', 'refs/heads/topic'))),
    );
    expect(await database.db.selectFrom('jobs').select('id').where('status', '=', 'queued').execute()).toHaveLength(1);
    // The first job derives 10 batches of 200 and queues the next, which derives the last one.
    expect(await runner().drain()).toBe(2);
    expect(await statuses()).toEqual({ ignored: 2001 });
    const results = await database.db.selectFrom('jobs').select('result').orderBy('id').execute();
    expect(results.map((r) => r.result)).toEqual([{ ignored: 2000 }, { ignored: 1 }]);
  });

  it('is due `deriveAfterMs` after the delivery that queued it, so that the deliveries meanwhile join its batch', async () => {
    const writer = createDeliveryWriter(database.db, { deriveAfterMs: 60_000 });
    const before = Date.now();
    await writer.write(push('later-1', 'acme/shop', 'refs/heads/topic'));
    await writer.write(push('later-2', 'acme/shop', 'refs/heads/topic'));
    const jobs = await database.db.selectFrom('jobs').select('run_at').where('status', '=', 'queued').execute();
    expect(jobs).toHaveLength(1);
    expect(new Date(jobs[0]?.run_at as Date).getTime()).toBeGreaterThanOrEqual(before + 59_000);
    expect(await runner().drain()).toBe(0);
    expect(await statuses()).toEqual({ ignored: 2001, pending: 2 });
    await database.db.updateTable('jobs').set({ run_at: new Date() }).where('status', '=', 'queued').execute();
    expect(await runner().drain()).toBe(1);
    expect(await statuses()).toEqual({ ignored: 2003 });
  });

  it('derives the others when the database refuses one delivery’s facts, and marks that one failed with the reason', async () => {
    const writer = createDeliveryWriter(database.db);
    const commit = (id: string) => ({ id, timestamp: '2024-05-01T10:00:00Z' });
    await Promise.all([
      writer.write(push('good-1', 'acme/shop', 'refs/heads/main', [commit('a'.repeat(40))])),
      // A repository name with a NUL character: valid JSON, but PostgreSQL stores no NUL in text, so the reader
      // refuses it (it used to reach the database and fail there).
      writer.write(push('nul', 'acme/\u0000shop', 'refs/heads/main', [commit('b'.repeat(40))])),
      writer.write(push('good-2', 'acme/shop', 'refs/heads/main', [commit('c'.repeat(40))])),
    ]);
    expect(await runner().drain()).toBe(1);
    const rows = await database.db
      .selectFrom('deliveries')
      .select(['delivery_id', 'status', 'error'])
      .where('delivery_id', 'in', ['good-1', 'nul', 'good-2'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.delivery_id, r.status])).toEqual([
      ['good-1', 'processed'],
      ['nul', 'failed'],
      ['good-2', 'processed'],
    ]);
    expect(rows[1]?.error).toBe('repository.full_name contains a NUL character');
    const changes = await database.db.selectFrom('changes').select('commit_sha').orderBy('commit_sha').execute();
    expect(changes.map((c) => c.commit_sha)).toEqual(['a'.repeat(40), 'c'.repeat(40)]);
  });

  it('still runs a job queued by an earlier version, which named one delivery', async () => {
    const writer = createDeliveryWriter(database.db, { deriveAfterMs: 60_000 });
    await writer.write(push('earlier-1', 'acme/shop', 'refs/heads/topic'));
    // Only the job queued by the earlier version is left to derive it.
    await database.db.deleteFrom('jobs').where('status', '=', 'queued').execute();
    const { id } = await enqueueJob(database.db, DERIVE_DELIVERY, { deliveryId: 'earlier-1' });
    expect(await runner().drain()).toBe(1);
    expect(await getJob(database.db, id)).toMatchObject({ status: 'succeeded', result: { ignored: 1 } });
    expect(await statuses()).toMatchObject({ ignored: 2004 });
  });
});

/** Polls `check` until it holds, or fails after `ms`. */
async function eventually(check: () => Promise<boolean>, ms = 5000) {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('deliveries a dead worker left behind', () => {
  const pendingCount = async () => (await statuses()).pending ?? 0;

  it('derives them when the job deriving them was running under a worker that died (kill -9), without a new delivery', async () => {
    const writer = createDeliveryWriter(database.db);
    await Promise.all([1, 2, 3].map((i) => writer.write(push(`dead-${i}`, 'acme/shop', 'refs/heads/topic'))));
    // The worker that claimed the derivation job is killed before it derives anything.
    const job = await claimNextJob(database.db, 'dead-worker', [DERIVE_DELIVERY.name], 200);
    expect(job).toBeDefined();
    expect(await pendingCount()).toBe(3);
    const live = new JobRunner(database.db, createRegistry([deriveDeliveryJob(database.db)]), silentLogger, {
      leaseMs: 200,
      maintainEveryMs: 25,
      pollMs: 20,
    });
    live.start();
    try {
      await eventually(async () => (await pendingCount()) === 0);
    } finally {
      await live.stop();
    }
    expect(await getJob(database.db, job!.id)).toMatchObject({ status: 'succeeded', attempts: 2 });
  });

  it('queues a derivation job for deliveries left pending with none, on its own interval', async () => {
    const live = new JobRunner(database.db, createRegistry([deriveDeliveryJob(database.db)]), silentLogger, {
      maintainEveryMs: 25,
      pollMs: 20,
      sweeps: [deriveSweep(50)],
    });
    live.start();
    try {
      // After the runner's start: deliveries stored, and their job failed for good (or lost), so none will come.
      const writer = createDeliveryWriter(database.db, { deriveAfterMs: 60_000 });
      await Promise.all([1, 2].map((i) => writer.write(push(`orphan-${i}`, 'acme/shop', 'refs/heads/topic'))));
      await database.db.updateTable('jobs').set({ status: 'failed' }).where('status', '=', 'queued').execute();
      expect(await pendingCount()).toBe(2);
      await eventually(async () => (await pendingCount()) === 0);
    } finally {
      await live.stop();
    }
    const jobs = await database.db
      .selectFrom('jobs')
      .select(['status'])
      .where('type', '=', DERIVE_DELIVERY.name)
      .where('status', 'in', ['queued', 'running'])
      .execute();
    expect(jobs).toEqual([]);
  });
});
