import { sql } from 'kysely';
import type { Db } from '../../db/schema/index.js';

/** Stores a delivery as received; a delivery id seen before returns null (it counts once). */
export async function insertDelivery(db: Db, d: { source: 'github' | 'gitlab' | 'pagerduty'; deliveryId: string; event: string; headers: Record<string, string>; body: string }) {
  const row = await db
    .insertInto('deliveries')
    .values({ source: d.source, delivery_id: d.deliveryId, event: d.event, headers: JSON.stringify(d.headers), body: d.body, error: null, processed_at: null })
    .onConflict((oc) => oc.columns(['source', 'delivery_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function getDelivery(db: Db, id: number) {
  return db.selectFrom('deliveries').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function markDelivery(db: Db, id: number, status: 'processed' | 'ignored' | 'failed', error: string | null = null) {
  await db.updateTable('deliveries').set({ status, error, processed_at: new Date() }).where('id', '=', id).execute();
}

/** The active service whose `github.com/project-slug` (or `gitlab.com/project-slug`) names this repository. */
export async function findServiceBySlug(db: Db, provider: 'github' | 'gitlab', slug: string) {
  const key = provider === 'github' ? 'github.com/project-slug' : 'gitlab.com/project-slug';
  const row = await db
    .selectFrom('entities')
    .select('id')
    .where('kind', '=', 'Component')
    .where('status', '=', 'active')
    .where(sql<string>`lower(metadata->'annotations'->>${key})`, '=', slug.toLowerCase())
    .executeTakeFirst();
  return row?.id ?? null;
}

/** The active service whose `pagerduty.com/service-id` is this PagerDuty service. */
export async function findServiceByPagerDutyId(db: Db, id: string) {
  const row = await db
    .selectFrom('entities')
    .select('id')
    .where('kind', '=', 'Component')
    .where('status', '=', 'active')
    .where(sql<string>`metadata->'annotations'->>'pagerduty.com/service-id'`, '=', id)
    .executeTakeFirst();
  return row?.id ?? null;
}
