import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { silentLogger } from '../http/logger.js';
import { defineJob, jobKind } from './define-job.js';
import { claimNextJob, completeJob, enqueueJob, failJob, getJob, requeueExpiredJobs } from './queue.js';
import { createRegistry } from './registry.js';
import { JobRunner } from './runner.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
beforeEach(async () => {
  await database.db.deleteFrom('jobs').execute();
});

const anything = z.looseObject({});
const mail = jobKind('mail', z.object({ n: z.string() }));
const report = jobKind('report', z.object({ n: z.string() }));
const work = jobKind('work', anything);
const flaky = jobKind('flaky', anything);

const minutes = (n: number) => new Date(Date.now() + n * 60_000);
/** Makes a job waiting for its backoff ready now, as if the time had passed. */
const makeReady = (id: number) =>
  sql`update jobs set run_at = now() - interval '1 second' where id = ${id}`.execute(database.db);

describe('claiming jobs', () => {
  it('takes ready jobs oldest run_at first, then by id, only of the asked types, never a future one', async () => {
    const { db } = database;
    const sameTime = minutes(-1);
    const a = await enqueueJob(db, mail, { n: 'a' }, { runAt: sameTime });
    const b = await enqueueJob(db, mail, { n: 'b' }, { runAt: minutes(-5) });
    const c = await enqueueJob(db, mail, { n: 'c' }, { runAt: sameTime });
    await enqueueJob(db, mail, { n: 'later' }, { runAt: minutes(60) });
    const other = await enqueueJob(db, report, { n: 'other' }, { runAt: minutes(-10) });

    const claimed = [];
    for (let i = 0; i < 4; i++) claimed.push(await claimNextJob(db, 'worker-1', ['mail']));
    expect(claimed.map((j) => j?.id)).toEqual([b.id, a.id, c.id, undefined]);
    expect(claimed.map((j) => j?.payload.n)).toEqual(['b', 'a', 'c', undefined]);
    expect(claimed[0]).toMatchObject({ type: 'mail', status: 'running', attempts: 1, locked_by: 'worker-1' });

    expect(await claimNextJob(db, 'worker-1', [])).toBeUndefined();
    expect((await claimNextJob(db, 'worker-1', ['report', 'mail']))?.id).toBe(other.id);
  });

  it('never hands the same job to two concurrent claims', async () => {
    const { db } = database;
    const ids = [];
    for (let i = 0; i < 10; i++) ids.push((await enqueueJob(db, work, { i })).id);
    const claims = await Promise.all(Array.from({ length: 14 }, (_, i) => claimNextJob(db, `worker-${i}`, ['work'])));
    const claimed = claims.filter((j) => j !== undefined).map((j) => j.id);
    expect(claimed).toHaveLength(10);
    expect(new Set(claimed).size).toBe(10);
    expect([...claimed].sort((x, y) => x - y)).toEqual(ids);
    expect(claims.filter((j) => j === undefined)).toHaveLength(4);
    const rows = await db.selectFrom('jobs').select(['status', 'attempts']).execute();
    expect(rows.every((r) => r.status === 'running' && r.attempts === 1)).toBe(true);
  });

  it('completes a job with its result', async () => {
    const { db } = database;
    const { id } = await enqueueJob(db, work, {});
    await claimNextJob(db, 'w', ['work']);
    await completeJob(db, id, { imported: 3 });
    expect(await getJob(db, id)).toMatchObject({
      status: 'succeeded',
      result: { imported: 3 },
      locked_by: null,
      locked_at: null,
      attempts: 1,
    });
    expect(await claimNextJob(db, 'w', ['work'])).toBeUndefined();
  });
});

describe('retries', () => {
  it('puts a failed job back with exponential backoff, then fails it for good after max attempts', async () => {
    const { db } = database;
    const { id } = await enqueueJob(db, flaky, {}, { maxAttempts: 3 });

    const startedAt = Date.now();
    const first = await claimNextJob(db, 'w', ['flaky']);
    await failJob(db, first!, 'boom 1', 10_000);
    const afterFirst = await getJob(db, id);
    expect(afterFirst).toMatchObject({
      status: 'queued',
      attempts: 1,
      last_error: 'boom 1',
      locked_by: null,
      finished_at: null,
    });
    const delay1 = new Date(afterFirst!.run_at).getTime() - startedAt;
    expect(delay1).toBeGreaterThanOrEqual(10_000);
    expect(delay1).toBeLessThan(12_000);
    expect(await claimNextJob(db, 'w', ['flaky'])).toBeUndefined(); // still backing off

    await makeReady(id);
    const second = await claimNextJob(db, 'w', ['flaky']);
    expect(second?.attempts).toBe(2);
    const failedAt = Date.now();
    await failJob(db, second!, 'boom 2', 10_000);
    const afterSecond = await getJob(db, id);
    expect(afterSecond).toMatchObject({ status: 'queued', attempts: 2, last_error: 'boom 2' });
    const delay2 = new Date(afterSecond!.run_at).getTime() - failedAt;
    expect(delay2).toBeGreaterThanOrEqual(20_000); // twice the first wait
    expect(delay2).toBeLessThan(22_000);

    await makeReady(id);
    const third = await claimNextJob(db, 'w', ['flaky']);
    await failJob(db, third!, 'boom 3', 10_000);
    expect(await getJob(db, id)).toMatchObject({
      status: 'failed',
      attempts: 3,
      last_error: 'boom 3',
      finished_at: expect.any(Date),
    });
    await makeReady(id);
    expect(await claimNextJob(db, 'w', ['flaky'])).toBeUndefined();
  });

  it('runs a failing handler max_attempts times through the runner, then marks the job failed', async () => {
    const { db } = database;
    const calls: number[] = [];
    const alwaysFails = jobKind('always-fails', anything);
    const works = jobKind('works', z.object({ value: z.number() }));
    const registry = createRegistry([
      defineJob(alwaysFails, {
        async handle(_payload, context) {
          calls.push(context.attempt);
          throw new Error(`attempt ${context.attempt} failed`);
        },
      }),
      defineJob(works, { handle: async (payload) => ({ echoed: payload.value }) }),
    ]);
    const failing = await enqueueJob(db, alwaysFails, {}, { maxAttempts: 4 });
    const working = await enqueueJob(db, works, { value: 42 });
    // With no backoff, one drain runs every attempt.
    const runner = new JobRunner(db, registry, silentLogger, { retryBaseMs: 0 });
    expect(await runner.drain()).toBe(5);
    expect(calls).toEqual([1, 2, 3, 4]);
    expect(await getJob(db, failing.id)).toMatchObject({
      status: 'failed',
      attempts: 4,
      last_error: 'attempt 4 failed',
    });
    expect(await getJob(db, working.id)).toMatchObject({
      status: 'succeeded',
      attempts: 1,
      result: { echoed: 42 },
      last_error: null,
    });
    expect(await runner.drain()).toBe(0);
  });

  it('waits out the backoff between runner attempts', async () => {
    const { db } = database;
    let calls = 0;
    const registry = createRegistry([
      defineJob(flaky, {
        async handle() {
          calls++;
          if (calls < 2) throw new Error('not yet');
          return 'done';
        },
      }),
    ]);
    const { id } = await enqueueJob(db, flaky, {});
    const runner = new JobRunner(db, registry, silentLogger, { retryBaseMs: 60_000 });
    expect(await runner.drain()).toBe(1);
    expect(await getJob(db, id)).toMatchObject({ status: 'queued', attempts: 1, last_error: 'not yet' });
    expect(await runner.drain()).toBe(0);
    await makeReady(id);
    expect(await runner.drain()).toBe(1);
    expect(await getJob(db, id)).toMatchObject({ status: 'succeeded', attempts: 2, result: 'done' });
    expect(calls).toBe(2);
  });
});

describe('payloads', () => {
  const resize = jobKind('resize', z.object({ width: z.number().int(), unit: z.enum(['px', 'em']).default('px') }));

  it('hands the handler the parsed payload, and fails a job whose payload does not match for good, without calling the handler', async () => {
    const { db } = database;
    const seen: unknown[] = [];
    const registry = createRegistry([
      defineJob(resize, {
        maxAttempts: 5,
        async handle(payload) {
          seen.push(payload);
          return payload.width * 2;
        },
      }),
    ]);
    // A payload queued by an earlier version, when the job took other fields.
    const earlier = jobKind('resize', z.object({ width: z.string(), unit: z.string() }));
    const bad = await enqueueJob(db, earlier, { width: 'wide', unit: 'pt' }, { maxAttempts: 5 });
    const good = await enqueueJob(db, resize, { width: 320 });

    const runner = new JobRunner(db, registry, silentLogger, { retryBaseMs: 0 });
    expect(await runner.drain()).toBe(2);
    expect(await getJob(db, bad.id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      last_error:
        'invalid payload: width: Invalid input: expected number, received string; unit: Invalid option: expected one of "px"|"em"',
      finished_at: expect.any(Date),
    });
    expect(await getJob(db, good.id)).toMatchObject({ status: 'succeeded', result: 640 });
    expect(seen).toEqual([{ width: 320, unit: 'px' }]);
    expect(await runner.drain()).toBe(0);
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

describe('workers that die', () => {
  const slow = jobKind('slow', anything);

  it('takes up a job whose worker died once its lease runs out, while running, without new input', async () => {
    const { db } = database;
    const calls: number[] = [];
    const registry = createRegistry([defineJob(work, { handle: async (_p, c) => calls.push(c.attempt) })]);
    // A worker claims the job and is killed (-9) before it renews its lease; the runner starts while that lease
    // still holds, so only a later look finds it expired.
    const { id } = await enqueueJob(db, work, {});
    expect(await claimNextJob(db, 'dead-worker', ['work'], 300)).toMatchObject({ id, locked_by: 'dead-worker' });
    const runner = new JobRunner(db, registry, silentLogger, { leaseMs: 300, maintainEveryMs: 25, pollMs: 20 });
    runner.start();
    try {
      await new Promise((r) => setTimeout(r, 100));
      expect(await getJob(db, id)).toMatchObject({ status: 'running', locked_by: 'dead-worker' });
      await eventually(async () => (await getJob(db, id))?.status === 'succeeded');
      expect(calls).toEqual([2]);
      expect(await getJob(db, id)).toMatchObject({
        attempts: 2,
        locked_by: null,
        lease_expires_at: null,
        last_error: 'its worker dead-worker stopped while running it',
      });
    } finally {
      await runner.stop();
    }
  });

  it('renews the lease while a handler runs longer than it, so no other worker takes the job', async () => {
    const { db } = database;
    let calls = 0;
    const registry = createRegistry([
      defineJob(slow, {
        async handle() {
          calls++;
          await new Promise((r) => setTimeout(r, 700));
          return 'done';
        },
      }),
    ]);
    const options = { leaseMs: 150, maintainEveryMs: 20, pollMs: 20 };
    const first = new JobRunner(db, registry, silentLogger, options);
    const second = new JobRunner(db, registry, silentLogger, options);
    const { id } = await enqueueJob(db, slow, {});
    first.start();
    second.start();
    try {
      await eventually(async () => (await getJob(db, id))?.status === 'succeeded');
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
    expect(calls).toBe(1);
    expect(await getJob(db, id)).toMatchObject({ status: 'succeeded', attempts: 1, last_error: null, result: 'done' });
  });

  it('as the only worker, takes back at its start every job left running, and fails one that was at its last attempt', async () => {
    const { db } = database;
    const ran: string[] = [];
    const registry = createRegistry([defineJob(work, { handle: async (p) => ran.push(String(p.n)) })]);
    const left = await enqueueJob(db, work, { n: 'left' });
    const last = await enqueueJob(db, work, { n: 'last' }, { maxAttempts: 1 });
    await claimNextJob(db, 'dead-worker', ['work'], 3_600_000);
    await claimNextJob(db, 'dead-worker', ['work'], 3_600_000);
    const runner = new JobRunner(db, registry, silentLogger, { soleWorker: true, pollMs: 20 });
    runner.start();
    try {
      await eventually(async () => (await getJob(db, left.id))?.status === 'succeeded');
    } finally {
      await runner.stop();
    }
    expect(ran).toEqual(['left']);
    expect(await getJob(db, last.id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      last_error: 'its worker dead-worker stopped while running it',
      finished_at: expect.any(Date),
    });
  });

  it('does not let a worker that lost its lease complete or fail the job another worker now runs', async () => {
    const { db } = database;
    const { id } = await enqueueJob(db, work, {});
    const lost = await claimNextJob(db, 'slow-worker', ['work'], 10);
    await new Promise((r) => setTimeout(r, 30));
    expect(await requeueExpiredJobs(db)).toBe(1);
    await claimNextJob(db, 'new-worker', ['work']);
    await completeJob(db, id, 'stale', 'slow-worker');
    await failJob(db, lost!, 'stale failure');
    expect(await getJob(db, id)).toMatchObject({
      status: 'running',
      locked_by: 'new-worker',
      attempts: 2,
      result: null,
    });
    await completeJob(db, id, 'fresh', 'new-worker');
    expect(await getJob(db, id)).toMatchObject({ status: 'succeeded', result: 'fresh' });
  });
});
