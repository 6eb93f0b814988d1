import { sql, type Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// Substring search on names (`ger` finds `ledger`) scanned the whole catalog; a trigram index answers it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create index entities_name_trgm on entities using gin (name gin_trgm_ops)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists entities_name_trgm`.execute(db);
}
