import type { Db } from '../../db/schema/index.js';
import type { ImportStatus } from '../../db/schema/imports.js';

export async function insertImport(
  db: Db,
  row: { kind: string; source: string; status: ImportStatus; skipInvalid: boolean; requestedBy: string | null },
) {
  return db
    .insertInto('imports')
    .values({
      kind: row.kind,
      source: row.source,
      status: row.status,
      skip_invalid: row.skipInvalid,
      requested_by: row.requestedBy,
      summary: null,
      error: null,
      finished_at: null,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

export async function finishImport(
  db: Db,
  id: number,
  result: {
    status: ImportStatus;
    summary: Record<string, unknown> | null;
    problems: string[];
    warnings: string[];
    error?: string | null;
  },
) {
  await db
    .updateTable('imports')
    .set({
      status: result.status,
      summary: JSON.stringify(result.summary),
      problems: JSON.stringify(result.problems),
      warnings: JSON.stringify(result.warnings),
      error: result.error ?? null,
      finished_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export async function setImportStatus(db: Db, id: number, status: ImportStatus) {
  await db.updateTable('imports').set({ status }).where('id', '=', id).execute();
}

export async function getImport(db: Db, id: number) {
  return db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listImports(db: Db, limit: number) {
  return db.selectFrom('imports').selectAll().orderBy('id', 'desc').limit(limit).execute();
}
