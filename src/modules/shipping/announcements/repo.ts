import { sql } from 'kysely';
import type { Db } from '../../../db/schema/index.js';
import type { SubscriptionKind } from '../../../db/schema/shipping.js';

// SQL of subscriptions, announcements and their attempts.

export interface StoredFilter {
  /** Capability refs (capability:default/ci). */
  capabilities?: string[];
  /** A group ref (group:default/payments). */
  team?: string;
  types?: string[];
}

export async function insertSubscription(
  tx: Db,
  row: { kind: SubscriptionKind; name: string | null; urlHost: string; filter: StoredFilter; createdBy: string },
) {
  // Sealed values are bound to the row's id, so they are written once the id exists (same transaction).
  return tx
    .insertInto('subscriptions')
    .values({
      kind: row.kind,
      name: row.name,
      url_sealed: '',
      url_host: row.urlHost,
      filter: JSON.stringify(row.filter),
      created_by: row.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function setSealed(tx: Db, id: number, urlSealed: string, secretSealed: string | null) {
  await tx
    .updateTable('subscriptions')
    .set({ url_sealed: urlSealed, secret_sealed: secretSealed })
    .where('id', '=', id)
    .execute();
}

export const getSubscription = (db: Db, id: number) =>
  db.selectFrom('subscriptions').selectAll().where('id', '=', id).executeTakeFirst();

/** Subscriptions with their announcements counted by status and the last delivery, newest first. */
export async function listSubscriptions(db: Db, id?: number) {
  let query = db
    .selectFrom('subscriptions as s')
    .selectAll('s')
    .select((eb) => [
      eb
        .selectFrom('announcements as a')
        .whereRef('a.subscription_id', '=', 's.id')
        .select(
          sql<string>`json_build_object(
          'pending', count(*) filter (where a.status = 'pending'),
          'delivered', count(*) filter (where a.status = 'delivered'),
          'failed', count(*) filter (where a.status = 'failed'),
          'last', max(a.delivered_at))::text`.as('c'),
        )
        .as('counts'),
    ])
    .orderBy('s.id', 'desc');
  if (id !== undefined) query = query.where('s.id', '=', id);
  const rows = await query.execute();
  return rows.map((r) => {
    const c = JSON.parse(r.counts ?? '{}') as Record<string, number | string | null>;
    return {
      ...r,
      counts: { pending: Number(c.pending ?? 0), delivered: Number(c.delivered ?? 0), failed: Number(c.failed ?? 0) },
      lastDeliveredAt: typeof c.last === 'string' ? new Date(c.last) : null,
    };
  });
}
export type SubscriptionListRow = Awaited<ReturnType<typeof listSubscriptions>>[number];

export async function deleteSubscription(tx: Db, id: number) {
  const result = await tx.deleteFrom('subscriptions').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Unpauses; its failed announcements go back to pending with a fresh schedule. Returns their ids. */
export async function resumeSubscription(tx: Db, id: number): Promise<number[]> {
  await tx.updateTable('subscriptions').set({ paused_at: null, pause_reason: null }).where('id', '=', id).execute();
  const rows = await tx
    .updateTable('announcements')
    .set({ status: 'pending', attempts: 0, first_failed_at: null, next_attempt_at: sql`now()` })
    .where('subscription_id', '=', id)
    .where('status', '=', 'failed')
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Pauses a subscription; its pending announcements fail (resuming sends them again). False if already paused. */
export async function pauseSubscription(tx: Db, id: number, reason: string): Promise<boolean> {
  const paused = await tx
    .updateTable('subscriptions')
    .set({ paused_at: sql`now()`, pause_reason: reason })
    .where('id', '=', id)
    .where('paused_at', 'is', null)
    .executeTakeFirst();
  if (Number(paused.numUpdatedRows) === 0) return false;
  await tx
    .updateTable('announcements')
    .set({ status: 'failed', next_attempt_at: null })
    .where('subscription_id', '=', id)
    .where('status', '=', 'pending')
    .execute();
  return true;
}

/** The subscriptions that take announcements now, with their filters. */
export const activeSubscriptions = (db: Db) =>
  db
    .selectFrom('subscriptions')
    .select(['id', 'filter', 'created_at'])
    .where('paused_at', 'is', null)
    .orderBy('id')
    .execute();

/** What a release's fan-out matches on: its type, its capability's id and ref, when it was written. */
export const releaseToAnnounce = (db: Db, id: number) =>
  db
    .selectFrom('releases as r')
    .leftJoin('entities as c', 'c.id', 'r.capability_id')
    .select(['r.id', 'r.type', 'r.capability_id', 'c.ref as capability_ref', 'r.created_at'])
    .where('r.id', '=', id)
    .executeTakeFirst();

/** One announcement per subscription; those that exist already are left (a rerun adds nothing). New ids only. */
export async function insertAnnouncements(tx: Db, releaseId: number, subscriptionIds: number[]) {
  if (subscriptionIds.length === 0) return [];
  const rows = await tx
    .insertInto('announcements')
    .values(subscriptionIds.map((id) => ({ release_id: releaseId, subscription_id: id, next_attempt_at: new Date() })))
    .onConflict((oc) => oc.columns(['release_id', 'subscription_id']).doNothing())
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** An announcement with what sending it needs: its subscription's destination and its release. */
export const announcementToSend = (db: Db, id: number) =>
  db
    .selectFrom('announcements as a')
    .innerJoin('subscriptions as s', 's.id', 'a.subscription_id')
    .innerJoin('releases as r', 'r.id', 'a.release_id')
    .leftJoin('entities as c', 'c.id', 'r.capability_id')
    .select([
      'a.id',
      'a.status',
      'a.attempts',
      'a.first_failed_at',
      's.id as subscription_id',
      's.kind',
      's.url_sealed',
      's.secret_sealed',
      's.paused_at',
      'r.id as release_id',
      'r.version',
      'r.type',
      'r.title',
      'r.notes',
      'r.released_at',
      'r.deadline',
      'c.name as capability',
      'c.title as capability_title',
    ])
    .where('a.id', '=', id)
    .executeTakeFirst();
export type AnnouncementToSend = NonNullable<Awaited<ReturnType<typeof announcementToSend>>>;

export interface AttemptOutcome {
  statusCode: number | null;
  error: string | null;
  latencyMs: number;
  responseExcerpt: string | null;
}

/**
 * Records attempt number `attempt` and the announcement's new state, only if that attempt was not recorded
 * already (a job run twice sends twice, which receivers dedupe, but logs once). False when it was.
 */
export async function recordAttempt(
  tx: Db,
  id: number,
  attempt: number,
  outcome: AttemptOutcome,
  next: { status: 'delivered' } | { status: 'pending'; at: Date } | { status: 'failed' },
): Promise<boolean> {
  const updated = await tx
    .updateTable('announcements')
    .set({
      attempts: attempt,
      status: next.status,
      next_attempt_at: next.status === 'pending' ? next.at : null,
      ...(next.status === 'delivered'
        ? { delivered_at: sql`now()`, first_failed_at: null }
        : { first_failed_at: sql`coalesce(first_failed_at, now())` }),
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('attempts', '=', attempt - 1)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) return false;
  await tx
    .insertInto('announcement_attempts')
    .values({
      announcement_id: id,
      status_code: outcome.statusCode,
      error: outcome.error,
      latency_ms: Math.round(outcome.latencyMs),
      response_excerpt: outcome.responseExcerpt,
    })
    .execute();
  return true;
}

/** Marks a pending announcement failed without an attempt (its subscription is paused). */
export async function failUnsent(db: Db, id: number) {
  await db
    .updateTable('announcements')
    .set({ status: 'failed', next_attempt_at: null })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

/** Since when a subscription has failed without a delivery in between: its oldest undelivered failure after its last delivery. */
export async function failingSince(db: Db, subscriptionId: number): Promise<Date | null> {
  const row = await sql<{ since: Date | null }>`
    select min(a.first_failed_at) as since from announcements a
     where a.subscription_id = ${subscriptionId} and a.status <> 'delivered' and a.first_failed_at is not null
       and a.first_failed_at > coalesce(
         (select max(d.delivered_at) from announcements d where d.subscription_id = ${subscriptionId}), '-infinity')`.execute(
    db,
  );
  const since = row.rows[0]?.since;
  return since ? new Date(since) : null;
}

/** A subscription's latest announcements with their releases and every attempt, newest first. */
export async function listDeliveries(db: Db, subscriptionId: number, limit: number) {
  const announcements = await db
    .selectFrom('announcements as a')
    .innerJoin('releases as r', 'r.id', 'a.release_id')
    .leftJoin('entities as c', 'c.id', 'r.capability_id')
    .select([
      'a.id',
      'a.status',
      'a.next_attempt_at',
      'a.delivered_at',
      'a.created_at',
      'r.id as release_id',
      'r.version',
      'r.type',
      'r.title',
      'c.name as capability',
    ])
    .where('a.subscription_id', '=', subscriptionId)
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute();
  const ids = announcements.map((a) => a.id);
  const attempts =
    ids.length === 0
      ? []
      : await db
          .selectFrom('announcement_attempts')
          .selectAll()
          .where('announcement_id', 'in', ids)
          .orderBy('id')
          .execute();
  return announcements.map((a) => ({ ...a, attempts: attempts.filter((t) => t.announcement_id === a.id) }));
}

/**
 * Queues the next attempt of pending announcements that no job will make (their job failed for good, or was lost),
 * `graceMinutes` after it was due. Returns how many it queued.
 */
export async function queueStrandedAnnouncements(db: Db, jobType: string, graceMinutes: number) {
  const result = await sql`
    insert into jobs (type, payload, run_at)
    select ${jobType}, jsonb_build_object('announcementId', a.id, 'attempt', a.attempts + 1), now()
      from announcements a
     where a.status = 'pending'
       and coalesce(a.next_attempt_at, a.created_at) < now() - ${graceMinutes} * interval '1 minute'
       and not exists (select from jobs j where j.type = ${jobType} and j.status in ('queued', 'running')
                        and j.payload->>'announcementId' = a.id::text)
     order by a.id
     limit 1000`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
