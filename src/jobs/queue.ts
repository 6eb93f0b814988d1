import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../db/schema/index.js';
import type { JobRow } from '../db/schema/jobs.js';
import type { JobKind } from './define-job.js';

export interface EnqueueOptions {
  runAt?: Date;
  maxAttempts?: number;
}

/** Queues a job of `kind`; its payload is stored as given and parsed by the runner before the handler sees it. */
export async function enqueueJob<Payload extends z.ZodType>(
  db: Db,
  kind: JobKind<Payload>,
  payload: z.input<Payload>,
  options: EnqueueOptions = {},
) {
  return db
    .insertInto('jobs')
    .values({
      type: kind.name,
      payload: JSON.stringify(payload),
      run_at: options.runAt ?? new Date(),
      ...(options.maxAttempts ? { max_attempts: options.maxAttempts } : {}),
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

/** Takes the oldest ready job; concurrent workers never take the same one. */
export async function claimNextJob(db: Db, workerId: string, types: string[]): Promise<JobRow | undefined> {
  if (types.length === 0) return undefined;
  const result = await sql<JobRow>`
    update jobs set status = 'running', locked_at = now(), locked_by = ${workerId}, attempts = attempts + 1
    where id = (
      select id from jobs
      where status = 'queued' and run_at <= now() and type in (${sql.join(types)})
      order by run_at, id
      limit 1
      for update skip locked
    )
    returning *`.execute(db);
  return result.rows[0];
}

export async function completeJob(db: Db, id: number, result: unknown) {
  await db
    .updateTable('jobs')
    .set({
      status: 'succeeded',
      result: JSON.stringify(result ?? null),
      finished_at: new Date(),
      locked_at: null,
      locked_by: null,
    })
    .where('id', '=', id)
    .execute();
}

/** Retries with exponential backoff until max_attempts, then marks the job failed for good. */
export async function failJob(db: Db, job: JobRow, error: string, baseDelayMs = 1000) {
  const final = job.attempts >= job.max_attempts;
  const delay = baseDelayMs * 2 ** Math.max(0, job.attempts - 1);
  await db
    .updateTable('jobs')
    .set({
      status: final ? 'failed' : 'queued',
      last_error: error,
      run_at: new Date(Date.now() + delay),
      locked_at: null,
      locked_by: null,
      finished_at: final ? new Date() : null,
    })
    .where('id', '=', job.id)
    .execute();
}

/** Jobs left running by a process that died go back to the queue. */
export async function requeueStaleJobs(db: Db, olderThanMs: number) {
  const cutoff = new Date(Date.now() - olderThanMs);
  const result = await db
    .updateTable('jobs')
    .set({ status: 'queued', locked_at: null, locked_by: null })
    .where('status', '=', 'running')
    .where('locked_at', '<', cutoff)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function getJob(db: Db, id: number) {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}
