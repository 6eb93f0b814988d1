import { sql } from 'kysely';
import type { DeliveriesTable } from '../../db/schema/inbox.js';
import type { ReprocessStatus } from './contract.js';
import type { Db } from '../../db/schema/index.js';
import { READ_EVENTS } from '../../connectors/read-events.js';

export interface NewDelivery {
  source: 'github' | 'gitlab' | 'pagerduty';
  deliveryId: string;
  event: string;
  headers: Record<string, string>;
  body: string;
  integrationId: number | null;
  /** Why it will not be derived (an event Paved does not read); null to enqueue its derivation. */
  ignored: string | null;
}

export type DeliveryStatus = 'processed' | 'ignored' | 'failed';

/** Stored deliveries by id, in id order (the order they arrived in). */
export async function getDeliveries(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('deliveries')
    .select(['id', 'source', 'event', 'body', 'status', 'delivery_id'])
    .where('id', 'in', ids)
    .orderBy('id')
    .execute();
}

/** The oldest deliveries still to derive. */
export async function pendingDeliveryIds(db: Db, limit: number) {
  const rows = await db
    .selectFrom('deliveries')
    .select('id')
    .where('status', '=', 'pending')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Queues `type` (the derivation job) when deliveries are pending and no such job is queued or running: the sweep
 * for deliveries left without one (their job failed for good, or a process died before it ran). Returns how many
 * jobs it queued.
 */
export async function queueJobForPendingDeliveries(db: Db, type: string) {
  const result = await sql`
    insert into jobs (type, payload, run_at)
    select ${type}, '{}'::jsonb, now()
    where exists (select from deliveries where status = 'pending')
      and not exists (select from jobs where type = ${type} and status in ('queued', 'running'))`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Marks what deriving each delivery came to, in one statement. */
export async function markDeliveries(db: Db, marks: { id: number; status: DeliveryStatus; error: string | null }[]) {
  if (marks.length === 0) return;
  await sql`
    update deliveries set status = m.status, error = m.error, processed_at = now()
    from unnest(${marks.map((m) => m.id)}::bigint[], ${marks.map((m) => m.status)}::text[], ${marks.map((m) => m.error)}::text[]) as m (id, status, error)
    where deliveries.id = m.id`.execute(db);
}

const selectReprocessable = (db: Db, status: ReprocessStatus) => {
  let q = db
    .selectFrom('deliveries')
    .where((eb) =>
      eb.or([
        eb.and([eb('source', '=', 'github'), eb('event', 'in', [...READ_EVENTS.github])]),
        eb.and([eb('source', '=', 'gitlab'), eb('event', 'in', [...READ_EVENTS.gitlab])]),
        eb('source', '=', 'pagerduty'),
      ]),
    );
  if (status === 'failed') q = q.where('status', '=', 'failed');
  return q;
};

/** How many deliveries a reprocess would derive now, and the last of them. */
export async function countReprocessable(db: Db, status: ReprocessStatus): Promise<{ count: number; upTo: number }> {
  const row = await selectReprocessable(db, status)
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.max('id').as('upTo')])
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), upTo: Number(row.upTo ?? 0) };
}

/** The next `limit` ids a reprocess derives, after `after` and up to `upTo`, in id order. */
export async function reprocessableIds(
  db: Db,
  range: { status: ReprocessStatus; after: number; upTo: number },
  limit: number,
) {
  const rows = await selectReprocessable(db, range.status)
    .select('id')
    .where('id', '>', range.after)
    .where('id', '<=', range.upTo)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Stored deliveries newest first (before a given id), without their bodies. */
export async function listDeliveries(
  db: Db,
  filter: {
    status?: DeliveryStatus | 'pending' | undefined;
    source?: DeliveriesTable['source'] | undefined;
    before?: number | undefined;
    limit: number;
  },
) {
  let q = db
    .selectFrom('deliveries')
    .select(['id', 'source', 'delivery_id', 'event', 'status', 'error', 'received_at', 'processed_at']);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.source) q = q.where('source', '=', filter.source);
  if (filter.before !== undefined) q = q.where('id', '<', filter.before);
  return q.orderBy('id', 'desc').limit(filter.limit).execute();
}

/**
 * Stores deliveries (a duplicate of a stored one, or of an earlier one in `rows`, is skipped) and, when any is to
 * be derived, queues `job` due `afterMs` later unless one is already waiting; in one statement. Returns the
 * deliveries stored. One placeholder per value, not arrays: the driver sends each body as it is instead of
 * escaping it into an array literal.
 */
export async function insertDeliveries(db: Db, rows: NewDelivery[], job: { type: string; afterMs: number }) {
  const values = rows.map(
    (d) =>
      sql`(${d.source}, ${d.deliveryId}, ${d.event}, ${JSON.stringify(d.headers)}, ${d.body}, ${d.integrationId}::bigint, ${d.ignored})`,
  );
  const { rows: stored } = await sql<{ source: string; delivery_id: string }>`
    with stored as (
      insert into deliveries (source, delivery_id, event, headers, body, integration_id, status, error, processed_at)
      select source, delivery_id, event, headers::jsonb, body, integration_id,
             case when ignored is null then 'pending' else 'ignored' end, ignored, case when ignored is null then null else now() end
      from (values ${sql.join(values)}) as t (source, delivery_id, event, headers, body, integration_id, ignored)
      on conflict (source, delivery_id) do nothing
      returning id, source, delivery_id, status
    ),
    queued as (
      insert into jobs (type, payload, run_at)
      select ${job.type}, '{}'::jsonb, now() + ${job.afterMs} * interval '1 millisecond'
      where exists (select from stored where status = 'pending')
        and not exists (select from jobs where type = ${job.type} and status = 'queued')
    )
    select source, delivery_id from stored`.execute(db);
  return stored;
}
