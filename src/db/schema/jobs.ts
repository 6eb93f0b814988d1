import type { ColumnType, Generated, Selectable } from 'kysely';
import type { CreatedAt } from './entities.js';

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface JobsTable {
  id: ColumnType<number, never, never>;
  type: string;
  payload: ColumnType<Record<string, unknown>, string, string>;
  status: Generated<JobStatus>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  run_at: CreatedAt;
  locked_at: Date | string | null;
  locked_by: string | null;
  /** Until when the worker in locked_by holds a running job; it renews the lease while the handler runs. */
  lease_expires_at: Date | string | null;
  last_error: string | null;
  result: ColumnType<unknown, string | null, string | null> | null;
  created_at: CreatedAt;
  finished_at: Date | string | null;
}

export type JobRow = Selectable<JobsTable>;
