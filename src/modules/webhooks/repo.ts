import { sql } from 'kysely';
import type { DeliveriesTable } from '../../db/schema/delivery.js';
import type { Db } from '../../db/schema/index.js';

export type DeliveryStatus = 'processed' | 'ignored' | 'failed';

/** Stored deliveries by id, in id order (the order they arrived in). */
export async function getDeliveries(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('deliveries').select(['id', 'source', 'event', 'body']).where('id', 'in', ids).orderBy('id').execute();
}

/** The oldest deliveries still to derive. */
export async function pendingDeliveryIds(db: Db, limit: number) {
  const rows = await db.selectFrom('deliveries').select('id').where('status', '=', 'pending').orderBy('id').limit(limit).execute();
  return rows.map((r) => r.id);
}

/** Marks what deriving each delivery came to, in one statement. */
export async function markDeliveries(db: Db, marks: { id: number; status: DeliveryStatus; error: string | null }[]) {
  if (marks.length === 0) return;
  await sql`
    update deliveries set status = m.status, error = m.error, processed_at = now()
    from unnest(${marks.map((m) => m.id)}::bigint[], ${marks.map((m) => m.status)}::text[], ${marks.map((m) => m.error)}::text[]) as m (id, status, error)
    where deliveries.id = m.id`.execute(db);
}

/** Stored deliveries newest first (before a given id), without their bodies. */
export async function listDeliveries(db: Db, filter: { status?: DeliveryStatus | 'pending' | undefined; source?: DeliveriesTable['source'] | undefined; before?: number | undefined; limit: number }) {
  let q = db.selectFrom('deliveries').select(['id', 'source', 'delivery_id', 'event', 'status', 'error', 'received_at', 'processed_at']);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.source) q = q.where('source', '=', filter.source);
  if (filter.before !== undefined) q = q.where('id', '<', filter.before);
  return q.orderBy('id', 'desc').limit(filter.limit).execute();
}
