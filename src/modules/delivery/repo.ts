import type { Db } from '../../db/schema/index.js';

/** Active services by name or full ref, with their repository slug (GitHub first, then GitLab). */
export async function findServices(db: Db, refs: string[]) {
  if (refs.length === 0) return [];
  return db.selectFrom('entities').select(['id', 'ref', 'name', 'metadata']).where('kind', '=', 'Component').where('status', '=', 'active').where('ref', 'in', refs).execute();
}

export async function findByExternalIds(db: Db, table: 'deployments' | 'incidents', source: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom(table).selectAll().where('source', '=', source).where('external_id', 'in', ids).execute();
}

export async function upsertDeployment(
  db: Db,
  d: { source: string; externalId: string; repository: string | null; serviceId: number | null; environment: string; commit: string | null; finishedAt: Date; deliveryId: number | null },
) {
  const values = { repository: d.repository, service_id: d.serviceId, environment: d.environment, commit_sha: d.commit, finished_at: d.finishedAt, delivery_id: d.deliveryId };
  await db
    .insertInto('deployments')
    .values({ source: d.source, external_id: d.externalId, ...values })
    .onConflict((oc) => oc.columns(['source', 'external_id']).doUpdateSet(values))
    .execute();
}

export async function upsertIncident(
  db: Db,
  i: { source: string; externalId: string; serviceId: number | null; externalService: string | null; title: string | null; severity: string | null; causes: string[]; triggeredAt: Date; resolvedAt: Date | null; deliveryId: number | null },
) {
  const values = {
    service_id: i.serviceId,
    external_service: i.externalService,
    title: i.title,
    severity: i.severity,
    cause_tags: JSON.stringify(i.causes),
    triggered_at: i.triggeredAt,
    resolved_at: i.resolvedAt,
    delivery_id: i.deliveryId,
  };
  await db
    .insertInto('incidents')
    .values({ source: i.source, external_id: i.externalId, ...values })
    .onConflict((oc) => oc.columns(['source', 'external_id']).doUpdateSet(values))
    .execute();
}

/** A commit seen twice (a push, then the API) is one change: the first record stands. */
export async function insertChange(
  db: Db,
  c: { source: string; repository: string; serviceId: number | null; commit: string; committedAt: Date; position: number; deliveryId: number | null },
) {
  const result = await db
    .insertInto('changes')
    .values({ source: c.source, repository: c.repository, service_id: c.serviceId, commit_sha: c.commit, committed_at: c.committedAt, position: c.position, delivery_id: c.deliveryId })
    .onConflict((oc) => oc.columns(['repository', 'commit_sha']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n);
}

/** Service ids in a scope: one service, a team's services, or every service. */
export async function serviceIdsInScope(db: Db, scope: { kind: 'org' } | { kind: 'team'; ref: string } | { kind: 'service'; ref: string }) {
  let q = db.selectFrom('entities').select('id').where('kind', '=', 'Component');
  if (scope.kind === 'team') q = q.where('owner_ref', '=', scope.ref);
  if (scope.kind === 'service') q = q.where('ref', '=', scope.ref);
  return (await q.execute()).map((r) => r.id);
}

/** Every fact of these services before `to`: earlier deployments decide what later ones ship. */
export async function loadFacts(db: Db, serviceIds: number[], to: Date) {
  if (serviceIds.length === 0) return { deployments: [], changes: [], incidents: [] };
  const [deployments, changes, incidents] = await Promise.all([
    db.selectFrom('deployments').select(['id', 'service_id', 'environment', 'commit_sha', 'finished_at']).where('service_id', 'in', serviceIds).where('finished_at', '<', to).execute(),
    db.selectFrom('changes').select(['service_id', 'commit_sha', 'committed_at', 'position']).where('service_id', 'in', serviceIds).where('committed_at', '<', to).execute(),
    db.selectFrom('incidents').select(['id', 'service_id', 'triggered_at', 'resolved_at']).where('service_id', 'in', serviceIds).where('triggered_at', '<', to).execute(),
  ]);
  return { deployments, changes, incidents };
}

/** An incident as a webhook sees it: the trigger time always; the resolve time only when the event says so. */
export async function recordIncidentEvent(
  db: Db,
  i: { source: string; externalId: string; serviceId: number | null; externalService: string | null; title: string | null; severity: string | null; triggeredAt: Date; resolvedAt: Date | null | undefined; deliveryId: number },
) {
  const values = {
    service_id: i.serviceId,
    external_service: i.externalService,
    title: i.title,
    severity: i.severity,
    triggered_at: i.triggeredAt,
    delivery_id: i.deliveryId,
    ...(i.resolvedAt === undefined ? {} : { resolved_at: i.resolvedAt }),
  };
  await db
    .insertInto('incidents')
    .values({ source: i.source, external_id: i.externalId, cause_tags: '[]', resolved_at: i.resolvedAt ?? null, ...values })
    .onConflict((oc) => oc.columns(['source', 'external_id']).doUpdateSet(values))
    .execute();
}
