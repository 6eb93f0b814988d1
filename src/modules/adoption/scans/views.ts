import type { Selectable } from 'kysely';
import type { ScansTable } from '../../../db/schema/adoption.js';
import type { Scan, ScanSummary } from './contract.js';

export type ScanSchemaRow = Selectable<ScansTable>;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function toScan(row: ScanSchemaRow): Scan {
  return {
    id: row.id,
    root: row.root,
    history: row.history,
    status: row.status,
    summary: (row.summary as ScanSummary | null) ?? null,
    problems: row.problems,
    createdAt: iso(row.created_at) ?? '',
    finishedAt: iso(row.finished_at),
  };
}
