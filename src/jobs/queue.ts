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

/** Queues one job of `kind` per payload in a single statement (a fan-out); returns their ids in payload order. */
export async function enqueueJobs<Payload extends z.ZodType>(
  db: Db,
  kind: JobKind<Payload>,
  payloads: z.input<Payload>[],
  options: EnqueueOptions = {},
): Promise<number[]> {
  if (payloads.length === 0) return [];
  const runAt = options.runAt ?? new Date();
  const rows = await db
    .insertInto('jobs')
    .values(
      payloads.map((payload) => ({
        type: kind.name,
        payload: JSON.stringify(payload),
        run_at: runAt,
        ...(options.maxAttempts ? { max_attempts: options.maxAttempts } : {}),
      })),
    )
    .returning(['id'])
    .execute();
  return rows.map((r) => r.id);
}

/** How long a worker holds a job it claimed unless it renews the lease (the runner does while the handler runs). */
export const DEFAULT_LEASE_MS = 30_000;

/** Takes the oldest ready job, leased to `workerId` for `leaseMs`; concurrent workers never take the same one. */
export async function claimNextJob(
  db: Db,
  workerId: string,
  types: string[],
  leaseMs: number = DEFAULT_LEASE_MS,
): Promise<JobRow | undefined> {
  if (types.length === 0) return undefined;
  const result = await sql<JobRow>`
    update jobs set status = 'running', locked_at = now(), locked_by = ${workerId}, attempts = attempts + 1,
      lease_expires_at = now() + ${leaseMs} * interval '1 millisecond'
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

/** Extends the lease of a job `workerId` still holds; false when it no longer does (the lease ran out and the job went back). */
export async function renewLease(db: Db, id: number, workerId: string, leaseMs: number = DEFAULT_LEASE_MS) {
  const result = await db
    .updateTable('jobs')
    .set({ lease_expires_at: sql`now() + ${leaseMs} * interval '1 millisecond'` })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('locked_by', '=', workerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Marks a job done; with `workerId`, only while that worker still holds it (not after its lease ran out and another took it). */
export async function completeJob(db: Db, id: number, result: unknown, workerId?: string) {
  let update = db
    .updateTable('jobs')
    .set({
      status: 'succeeded',
      result: JSON.stringify(result ?? null),
      finished_at: new Date(),
      locked_at: null,
      locked_by: null,
      lease_expires_at: null,
    })
    .where('id', '=', id);
  if (workerId !== undefined) update = update.where('locked_by', '=', workerId);
  await update.execute();
}

/**
 * Retries with exponential backoff until max_attempts, then marks the job failed for good; only while the worker
 * that claimed it (`job.locked_by`) still holds it.
 */
export async function failJob(db: Db, job: JobRow, error: string, baseDelayMs = 1000) {
  const final = job.attempts >= job.max_attempts;
  const delay = baseDelayMs * 2 ** Math.max(0, job.attempts - 1);
  let update = db
    .updateTable('jobs')
    .set({
      status: final ? 'failed' : 'queued',
      last_error: error,
      run_at: new Date(Date.now() + delay),
      locked_at: null,
      locked_by: null,
      lease_expires_at: null,
      finished_at: final ? new Date() : null,
    })
    .where('id', '=', job.id);
  if (job.locked_by !== null) update = update.where('locked_by', '=', job.locked_by);
  await update.execute();
}

/**
 * Jobs whose worker died go back to the queue: those whose lease ran out, or, with `all`, every running job (for
 * a worker that knows it is the only one, at its start). A job claimed before leases existed expires 10 minutes
 * after it was locked. The dead worker's run counted as an attempt: a job that was at its last attempt (one that
 * keeps killing its worker) fails for good.
 */
export async function requeueExpiredJobs(db: Db, options: { all?: boolean } = {}) {
  const result = await sql`
    update jobs set
      status = case when attempts >= max_attempts then 'failed' else 'queued' end,
      last_error = 'its worker ' || coalesce(locked_by, '?') || ' stopped while running it',
      finished_at = case when attempts >= max_attempts then now() else null end,
      run_at = now(), locked_at = null, locked_by = null, lease_expires_at = null
    where status = 'running'
      and (${options.all === true} or coalesce(lease_expires_at, locked_at + interval '10 minutes') < now())`.execute(
    db,
  );
  return Number(result.numAffectedRows ?? 0);
}

export async function getJob(db: Db, id: number) {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}
