import type { ColumnType, Generated, Selectable } from 'kysely';
import type { CreatedAt, JsonColumn } from './entities.js';

export type ImportStatus = 'queued' | 'running' | 'succeeded' | 'rejected' | 'failed';

export interface ImportsTable {
  id: ColumnType<number, never, never>;
  kind: string;
  source: string;
  status: ImportStatus;
  skip_invalid: Generated<boolean>;
  summary: JsonColumn<Record<string, unknown> | null> | null;
  problems: ColumnType<string[], string | undefined, string>;
  warnings: ColumnType<string[], string | undefined, string>;
  error: string | null;
  requested_by: string | null;
  created_at: CreatedAt;
  finished_at: Date | string | null;
}

export type ImportRow = Selectable<ImportsTable>;
