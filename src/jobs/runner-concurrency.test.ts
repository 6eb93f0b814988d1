import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { silentLogger } from '../http/logger.js';
import { defineJob, jobKind } from './define-job.js';
import { enqueueJob, enqueueJobs } from './queue.js';
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

const send = jobKind('send', z.object({ n: z.number() }));
const derive = jobKind('derive', z.object({ n: z.number() }));

/** Counts the jobs of each kind in flight and the most ever in flight at once; each handler waits `ms`. */
function tracker(ms: number) {
  const now = { send: 0, derive: 0, all: 0 };
  const most = { send: 0, derive: 0, all: 0 };
  const handle = (kind: 'send' | 'derive') => async () => {
    now[kind]++;
    now.all++;
    most[kind] = Math.max(most[kind], now[kind]);
    most.all = Math.max(most.all, now.all);
    await new Promise((resolve) => setTimeout(resolve, ms));
    now[kind]--;
    now.all--;
    return null;
  };
  return { most, handle };
}

async function waitUntilDone(count: number) {
  for (let i = 0; i < 400; i++) {
    const done = await database.db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'succeeded')
      .executeTakeFirstOrThrow();
    if (Number(done.n) === count) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the jobs did not finish');
}

describe('jobs that allow more than one at a time', () => {
  it('runs up to `concurrency` of such a kind at once, and every other kind still one at a time', async () => {
    const { db } = database;
    const t = tracker(60);
    const registry = createRegistry([
      defineJob(send, { concurrency: 3, handle: t.handle('send') }),
      defineJob(derive, { handle: t.handle('derive') }),
    ]);
    // 9 sends queued in one statement, 3 derives one by one.
    const ids = await enqueueJobs(
      db,
      send,
      Array.from({ length: 9 }, (_, n) => ({ n })),
    );
    expect(ids).toHaveLength(9);
    for (let n = 0; n < 3; n++) await enqueueJob(db, derive, { n });
    const runner = new JobRunner(db, registry, silentLogger, { pollMs: 20 });
    runner.start();
    try {
      await waitUntilDone(12);
    } finally {
      await runner.stop();
    }
    // One loop takes every kind, two more take only sends: at most 3 sends, 1 derive, 3 jobs in all at once.
    expect(t.most).toEqual({ send: 3, derive: 1, all: 3 });
    const stored = await db.selectFrom('jobs').select(['type', 'payload', 'status']).orderBy('id').execute();
    expect(stored.slice(0, 9).map((j) => [j.type, j.payload, j.status])).toEqual(
      Array.from({ length: 9 }, (_, n) => ['send', { n }, 'succeeded']),
    );
  });

  it('without such a kind, runs one job at a time as before', async () => {
    const { db } = database;
    const t = tracker(20);
    const registry = createRegistry([
      defineJob(send, { handle: t.handle('send') }),
      defineJob(derive, { handle: t.handle('derive') }),
    ]);
    await enqueueJobs(db, send, [{ n: 1 }, { n: 2 }, { n: 3 }]);
    await enqueueJobs(db, derive, [{ n: 1 }, { n: 2 }]);
    const runner = new JobRunner(db, registry, silentLogger, { pollMs: 20 });
    runner.start();
    try {
      await waitUntilDone(5);
    } finally {
      await runner.stop();
    }
    expect(t.most.all).toBe(1);
  });

  it('queues nothing for no payloads', async () => {
    expect(await enqueueJobs(database.db, send, [])).toEqual([]);
    expect(await database.db.selectFrom('jobs').select('id').execute()).toEqual([]);
  });
});
