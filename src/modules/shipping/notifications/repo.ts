import { sql } from 'kysely';
import type { Db } from '../../../db/schema/index.js';
import type { NotificationKind } from './contract.js';

// A person's notifications and follows. Every read and write here names the person: nobody reaches another's.

export interface NotificationRow {
  id: number;
  kind: NotificationKind;
  title: string;
  body: string | null;
  link: string | null;
  created_at: Date;
  read_at: Date | null;
}

/** A page of a person's notifications, newest first (by id), below the cursor's id. */
export async function listNotifications(
  db: Db,
  person: string,
  q: { unread: boolean; before: number | undefined; limit: number },
): Promise<NotificationRow[]> {
  let query = db
    .selectFrom('notifications')
    .select(['id', 'kind', 'title', 'body', 'link', 'created_at', 'read_at'])
    .where('person_ref', '=', person);
  if (q.unread) query = query.where('read_at', 'is', null);
  if (q.before !== undefined) query = query.where('id', '<', q.before);
  const rows = await query.orderBy('id', 'desc').limit(q.limit).execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), kind: r.kind as NotificationKind }));
}

export async function countUnread(db: Db, person: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('person_ref', '=', person)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks the person's own unread notifications read (those with these ids, or all); returns how many. */
export async function markRead(db: Db, person: string, ids: number[] | 'all'): Promise<number> {
  let query = db
    .updateTable('notifications')
    .set({ read_at: sql`now()` })
    .where('person_ref', '=', person)
    .where('read_at', 'is', null);
  if (ids !== 'all') query = query.where('id', 'in', ids);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface NewNotification {
  person_ref: string;
  kind: NotificationKind;
  title: string;
  body: string | null;
  link: string;
  dedupe_key: string;
}

const UPSERT_CHUNK = 1000;

/**
 * Writes notifications once per person and key. Written again (a rerun, an edited release), a notification keeps
 * its id, time and read state; only its text follows the release. Returns how many were new.
 */
export async function upsertNotifications(db: Db, rows: NewNotification[]): Promise<number> {
  let added = 0;
  // In chunks: a release followed by thousands would pass PostgreSQL's 65,535 parameters in one statement.
  for (let i = 0; i < rows.length; i += UPSERT_CHUNK) added += await upsertChunk(db, rows.slice(i, i + UPSERT_CHUNK));
  return added;
}

async function upsertChunk(db: Db, rows: NewNotification[]): Promise<number> {
  const result = await db
    .insertInto('notifications')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['person_ref', 'dedupe_key']).doUpdateSet((eb) => ({
        title: eb.ref('excluded.title'),
        body: eb.ref('excluded.body'),
        link: eb.ref('excluded.link'),
      })).where(sql<boolean>`(notifications.title, notifications.body, notifications.link)
          is distinct from (excluded.title, excluded.body, excluded.link)`),
    )
    .returning(sql<boolean>`xmax = 0`.as('inserted'))
    .execute();
  return result.filter((r) => r.inserted).length;
}

export interface FollowRow {
  capability: string;
  title: string | null;
  followed_at: Date;
}

/** The capabilities a person follows, by name (active ones; a removed capability's follow is kept but not shown). */
export async function listFollows(db: Db, person: string): Promise<FollowRow[]> {
  return db
    .selectFrom('follows as f')
    .innerJoin('entities as c', 'c.id', 'f.capability_id')
    .select(['c.name as capability', 'c.title', 'f.created_at as followed_at'])
    .where('f.person_ref', '=', person)
    .where('c.status', '=', 'active')
    .orderBy('c.name')
    .execute();
}

export async function findFollow(db: Db, person: string, capabilityId: number): Promise<Date | null> {
  const row = await db
    .selectFrom('follows')
    .select('created_at')
    .where('person_ref', '=', person)
    .where('capability_id', '=', capabilityId)
    .executeTakeFirst();
  return row?.created_at ?? null;
}

/** Returns whether a follow was added (false: already followed). */
export async function insertFollow(db: Db, person: string, capabilityId: number): Promise<boolean> {
  const rows = await db
    .insertInto('follows')
    .values({ person_ref: person, capability_id: capabilityId })
    .onConflict((oc) => oc.columns(['person_ref', 'capability_id']).doNothing())
    .returning('person_ref')
    .execute();
  return rows.length > 0;
}

/** Returns whether a follow was removed. */
export async function deleteFollow(db: Db, person: string, capabilityId: number): Promise<boolean> {
  const result = await db
    .deleteFrom('follows')
    .where('person_ref', '=', person)
    .where('capability_id', '=', capabilityId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
