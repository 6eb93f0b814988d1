import { sql } from 'kysely';
import type { Db } from '../../../db/schema/index.js';

export async function insertFeedToken(db: Db, row: { hash: string; personRef: string; name: string }) {
  return db
    .insertInto('feed_tokens')
    .values({ token_hash: row.hash, person_ref: row.personRef, name: row.name })
    .returning(['id', 'name', 'created_at', 'last_used_at'])
    .executeTakeFirstOrThrow();
}

/** A person's tokens not revoked, newest first. */
export async function listFeedTokens(db: Db, personRef: string) {
  return db
    .selectFrom('feed_tokens')
    .select(['id', 'name', 'created_at', 'last_used_at'])
    .where('person_ref', '=', personRef)
    .where('revoked_at', 'is', null)
    .orderBy('id', 'desc')
    .execute();
}

/** Revokes one of a person's active tokens; the token's name, or null when there is none such. */
export async function revokeFeedToken(db: Db, id: number, personRef: string): Promise<string | null> {
  const row = await db
    .updateTable('feed_tokens')
    .set({ revoked_at: new Date() })
    .where('id', '=', id)
    .where('person_ref', '=', personRef)
    .where('revoked_at', 'is', null)
    .returning('name')
    .executeTakeFirst();
  return row?.name ?? null;
}

/** The active token with this hash whose person is still in the catalog. */
export async function findFeedToken(db: Db, hash: string) {
  return db
    .selectFrom('feed_tokens as f')
    .innerJoin('entities as p', (j) => j.onRef('p.ref', '=', 'f.person_ref').on('p.status', '=', 'active'))
    .select(['f.id', 'f.person_ref', 'f.last_used_at'])
    .where('f.token_hash', '=', hash)
    .where('f.revoked_at', 'is', null)
    .executeTakeFirst();
}

/** Records a read, at most once a minute per token (readers poll often; the time is what people look at). */
export async function touchFeedToken(db: Db, id: number): Promise<void> {
  await db
    .updateTable('feed_tokens')
    .set({ last_used_at: new Date() })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', sql<Date>`now() - interval '1 minute'`)]),
    )
    .execute();
}

/** Every capability in the catalog (each has a feed), by name. */
export async function listCapabilityNames(db: Db) {
  return db
    .selectFrom('entities')
    .select(['name', 'title'])
    .where('kind', '=', 'Capability')
    .where('namespace', '=', 'default')
    .where('status', '=', 'active')
    .orderBy('name')
    .execute();
}
