import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../../db/schema/index.js';
import type { FeedbackKind, FeedbackRow, FeedbackTable } from '../../../db/schema/voice.js';

export type NewFeedbackRow = Insertable<FeedbackTable>;

export async function insertItems(db: Db, rows: NewFeedbackRow[]): Promise<FeedbackRow[]> {
  if (rows.length === 0) return [];
  return db.insertInto('feedback').values(rows).returningAll().execute();
}

export async function findItem(db: Db, kind: FeedbackKind, id: number): Promise<FeedbackRow | undefined> {
  return db.selectFrom('feedback').selectAll().where('kind', '=', kind).where('id', '=', id).executeTakeFirst();
}

/** Locks the item for the rest of the transaction, so two edits of one item apply one after the other. */
export async function findItemForUpdate(db: Db, kind: FeedbackKind, id: number): Promise<FeedbackRow | undefined> {
  return db
    .selectFrom('feedback')
    .selectAll()
    .where('kind', '=', kind)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateItem(db: Db, id: number, changes: Updateable<FeedbackTable>): Promise<FeedbackRow> {
  return db
    .updateTable('feedback')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
