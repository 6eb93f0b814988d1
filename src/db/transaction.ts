import type { Kysely } from 'kysely';
import type { Database } from './schema/index.js';

/** Runs `work` in a transaction: the caller's, when `db` already is one (so a caller can make several writes one). */
export function inTransaction<T>(db: Kysely<Database>, work: (tx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
