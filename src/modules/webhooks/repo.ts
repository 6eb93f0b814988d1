import { sql } from 'kysely';
import type { Db } from '../../db/schema/index.js';

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
    .where(sql<string>`lower(metadata->'annotations'->>${sql.lit(key)})`, '=', slug.toLowerCase())
    .executeTakeFirst();
  return row?.id ?? null;
}

/** The service of a GitHub repository with its `paved.dev/deploy-workflows` annotation (null when it has none). */
export async function findGithubService(db: Db, slug: string) {
  const row = await db
    .selectFrom('entities')
    .select(['id', sql<string | null>`metadata->'annotations'->>'paved.dev/deploy-workflows'`.as('deployWorkflows')])
    .where('kind', '=', 'Component')
    .where('status', '=', 'active')
    .where(sql<string>`lower(metadata->'annotations'->>'github.com/project-slug')`, '=', slug.toLowerCase())
    .executeTakeFirst();
  return row ?? null;
}

/**
 * A deployment seen from a workflow run: a deployment status of the same run, which knows its environment and
 * finish time, takes precedence whichever arrives first, so this only fills in where nothing is recorded yet.
 */
export async function insertRunDeployment(
  db: Db,
  d: { source: string; externalId: string; repository: string; serviceId: number | null; environment: string; commit: string; finishedAt: Date; deliveryId: number },
) {
  await db
    .insertInto('deployments')
    .values({ source: d.source, external_id: d.externalId, repository: d.repository, service_id: d.serviceId, environment: d.environment, commit_sha: d.commit, finished_at: d.finishedAt, delivery_id: d.deliveryId })
    .onConflict((oc) => oc.columns(['source', 'external_id']).doUpdateSet({ repository: d.repository, service_id: d.serviceId }))
    .execute();
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
