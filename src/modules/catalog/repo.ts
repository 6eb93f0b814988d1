import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database, Db } from '../../db/schema/index.js';
import type { EntityRow, NewEntity } from '../../db/schema/entities.js';

export interface ListQuery {
  kind: string;
  limit: number;
  after?: { name: string; id: number } | undefined;
  ownerRef?: string | undefined;
  lifecycle?: string | undefined;
  type?: string | undefined;
  q?: string | undefined;
  status?: 'active' | 'orphaned' | undefined;
  /** Capabilities only. */
  category?: string | undefined;
  /** Teams only: which side of the platform they are on. */
  teamKind?: 'customer' | 'platform' | undefined;
}

/** Words of a search box as a prefix query for the `simple` text configuration. */
export function toPrefixQuery(q: string): string | null {
  const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length === 0 ? null : words.map((w) => `${w}:*`).join(' & ');
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function applySearch<O>(query: SelectQueryBuilder<Database, 'entities', O>, q: string) {
  const tsq = toPrefixQuery(q);
  return query.where((eb) =>
    eb.or([
      eb('entities.name', 'ilike', likePattern(q)),
      ...(tsq ? [eb(sql<boolean>`entities.search @@ to_tsquery('simple', ${tsq})`, '=', true)] : []),
    ]),
  );
}

const ownsKind = (kind: string) =>
  sql<boolean>`exists (select 1 from entities o where o.kind = ${kind} and o.owner_ref = entities.ref and o.status = 'active')`;

/** What a team is listed by: its title, or its name when it has none, whatever the case. */
const teamSortKey = (table: string) =>
  sql<string>`lower(coalesce(nullif(${sql.ref(`${table}.title`)}, ''), ${sql.ref(`${table}.name`)}))`;

export async function listEntities(db: Db, query: ListQuery): Promise<EntityRow[]> {
  let q = db.selectFrom('entities').selectAll().where('kind', '=', query.kind);
  if (query.ownerRef) q = q.where('owner_ref', '=', query.ownerRef);
  if (query.lifecycle) q = q.where('lifecycle', '=', query.lifecycle);
  if (query.type) q = q.where('type', '=', query.type);
  if (query.category) q = q.where(sql<string>`spec->>'category'`, '=', query.category);
  if (query.status) q = q.where('status', '=', query.status);
  if (query.q) q = applySearch(q, query.q);
  if (query.teamKind === 'platform') q = q.where(ownsKind('Capability'), '=', true);
  if (query.teamKind === 'customer') {
    q = q.where(ownsKind('Component'), '=', true).where(ownsKind('Capability'), '=', false);
  }
  if (query.kind === 'Group') {
    // Teams are shown by title, so they are listed by it. The cursor's id finds the last row's title.
    if (query.after) {
      const { name, id } = query.after;
      const lastKey = sql`coalesce((select ${teamSortKey('e')} from entities e where e.id = ${id}), lower(${name}))`;
      q = q.where(sql<boolean>`(${teamSortKey('entities')}, entities.id) > (${lastKey}, ${id})`);
    }
    return q.orderBy(teamSortKey('entities')).orderBy('id').limit(query.limit).execute();
  }
  if (query.after) {
    const { name, id } = query.after;
    q = q.where((eb) => eb.or([eb('name', '>', name), eb.and([eb('name', '=', name), eb('id', '>', id)])]));
  }
  return q.orderBy('name').orderBy('id').limit(query.limit).execute();
}

export async function findEntity(db: Db, kind: string, namespace: string, name: string) {
  return db
    .selectFrom('entities')
    .selectAll()
    .where('kind', '=', kind)
    .where('namespace', '=', namespace)
    .where(sql`lower(name)`, '=', name.toLowerCase())
    .executeTakeFirst();
}

export async function findEntitiesByRefs(db: Db, refs: string[]) {
  if (refs.length === 0) return [];
  return db.selectFrom('entities').selectAll().where('ref', 'in', refs).execute();
}

/** Entities owned by (or related to) the given refs, for detail pages. */
export async function listOwned(db: Db, kind: string, ownerRef: string, limit = 500) {
  return db
    .selectFrom('entities')
    .selectAll()
    .where('kind', '=', kind)
    .where('owner_ref', '=', ownerRef)
    .orderBy('name')
    .limit(limit)
    .execute();
}

export async function listChildren(db: Db, parentRef: string) {
  return db
    .selectFrom('entities')
    .selectAll()
    .where('kind', '=', 'Group')
    .where('parent_ref', '=', parentRef)
    .orderBy('name')
    .execute();
}

/** Users of a group, whether the user names the group or the group names the user. */
export async function listMembers(db: Db, groupId: number, groupRef: string) {
  return db
    .selectFrom('entities')
    .selectAll()
    .where('kind', '=', 'User')
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('entity_relations as r')
            .whereRef('r.source_id', '=', 'entities.id')
            .where('r.type', '=', 'memberOf')
            .where('r.target_ref', '=', groupRef),
        ),
        eb.exists(
          eb
            .selectFrom('entity_relations as r')
            .where('r.source_id', '=', groupId)
            .where('r.type', '=', 'hasMember')
            .whereRef('r.target_ref', '=', 'entities.ref'),
        ),
      ]),
    )
    .orderBy('name')
    .execute();
}

export interface TeamCounts {
  services: number;
  capabilities: number;
  members: number;
}

export async function teamCounts(db: Db, refs: string[]): Promise<Map<string, TeamCounts>> {
  const counts = new Map<string, TeamCounts>(refs.map((r) => [r, { services: 0, capabilities: 0, members: 0 }]));
  if (refs.length === 0) return counts;
  const owned = await db
    .selectFrom('entities')
    .select(['owner_ref', 'kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('owner_ref', 'in', refs)
    .where('kind', 'in', ['Component', 'Capability'])
    .where('status', '=', 'active')
    .groupBy(['owner_ref', 'kind'])
    .execute();
  for (const row of owned) {
    const c = counts.get(row.owner_ref ?? '');
    if (!c) continue;
    if (row.kind === 'Component') c.services = row.n;
    else c.capabilities = row.n;
  }
  const members = await sql<{ group_ref: string; n: number }>`
    select group_ref, count(distinct user_ref)::int as n from (
      select r.target_ref as group_ref, e.ref as user_ref
        from entity_relations r join entities e on e.id = r.source_id
        where r.type = 'memberOf' and r.target_ref in (${sql.join(refs)}) and e.kind = 'User'
      union all
      -- Only users in the catalog, as listMembers shows them: a name in spec.members alone is no member.
      select g.ref, r.target_ref
        from entity_relations r join entities g on g.id = r.source_id
        join entities u on u.ref = r.target_ref and u.kind = 'User'
        where r.type = 'hasMember' and g.ref in (${sql.join(refs)})
    ) m group by group_ref`.execute(db);
  for (const row of members.rows) {
    const c = counts.get(row.group_ref);
    if (c) c.members = row.n;
  }
  return counts;
}

export async function countByKind(db: Db) {
  return db
    .selectFrom('entities')
    .select(['kind', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['kind', 'status'])
    .execute();
}

export async function listHistory(db: Db, entityId: number) {
  return db
    .selectFrom('entity_events')
    .select(['action', 'at', 'import_id', 'actor'])
    .where('entity_id', '=', entityId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(100)
    .execute();
}

/** Search for the search box across every stored kind, best matches first. */
export async function searchEntities(db: Db, q: string, limit: number) {
  const tsq = toPrefixQuery(q);
  const rank = tsq ? sql<number>`ts_rank(search, to_tsquery('simple', ${tsq}))` : sql<number>`0`;
  let query = db.selectFrom('entities').selectAll().select(rank.as('rank'));
  query = applySearch(query, q);
  return query
    .orderBy(sql`(lower(name) = ${q.toLowerCase()})`, 'desc')
    .orderBy('rank', 'desc')
    .orderBy('name')
    .limit(limit)
    .execute();
}

// ---- writes used by applyEntities ----

export interface EntityStamp {
  id: number;
  ref: string;
  content_hash: string;
  source: string;
  status: 'active' | 'orphaned';
  location: string | null;
}

export async function findStamps(db: Db, refs: string[]): Promise<EntityStamp[]> {
  const out: EntityStamp[] = [];
  for (let i = 0; i < refs.length; i += 5000) {
    const chunk = refs.slice(i, i + 5000);
    out.push(
      ...(await db
        .selectFrom('entities')
        .select(['id', 'ref', 'content_hash', 'source', 'status', 'location'])
        .where('ref', 'in', chunk)
        .execute()),
    );
  }
  return out;
}

export async function findActiveStampsBySource(db: Db, source: string): Promise<EntityStamp[]> {
  return db
    .selectFrom('entities')
    .select(['id', 'ref', 'content_hash', 'source', 'status', 'location'])
    .where('source', '=', source)
    .where('status', '=', 'active')
    .execute();
}

export async function insertEntities(db: Db, rows: NewEntity[]): Promise<{ id: number; ref: string }[]> {
  const out: { id: number; ref: string }[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    out.push(
      ...(await db
        .insertInto('entities')
        .values(rows.slice(i, i + 500))
        .returning(['id', 'ref'])
        .execute()),
    );
  }
  return out;
}

export async function updateEntity(db: Db, id: number, row: NewEntity) {
  await db
    .updateTable('entities')
    .set({ ...row, status: 'active', orphaned_at: null, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Where an unchanged entity now comes from: the same content may arrive through another source or file. */
export async function setOrigin(db: Db, id: number, origin: { source: string; location: string | null }) {
  await db.updateTable('entities').set(origin).where('id', '=', id).execute();
}

export async function markOrphaned(db: Db, ids: number[]) {
  for (let i = 0; i < ids.length; i += 5000) {
    await db
      .updateTable('entities')
      .set({ status: 'orphaned', orphaned_at: new Date() })
      .where('id', 'in', ids.slice(i, i + 5000))
      .execute();
  }
}

export async function replaceRelations(
  db: Db,
  ids: number[],
  relations: { source_id: number; type: string; target_ref: string }[],
) {
  for (let i = 0; i < ids.length; i += 5000) {
    await db
      .deleteFrom('entity_relations')
      .where('source_id', 'in', ids.slice(i, i + 5000))
      .execute();
  }
  for (let i = 0; i < relations.length; i += 3000) {
    await db
      .insertInto('entity_relations')
      .values(relations.slice(i, i + 3000))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

export async function insertEvents(
  db: Db,
  events: {
    entity_id: number;
    action: 'created' | 'updated' | 'orphaned' | 'restored';
    import_id: number | null;
    actor: string | null;
  }[],
) {
  for (let i = 0; i < events.length; i += 3000) {
    await db
      .insertInto('entity_events')
      .values(events.slice(i, i + 3000))
      .execute();
  }
}

/**
 * Refreshes the planner's statistics after a bulk write. PGlite has no autovacuum, so without this its
 * planner never learns the catalog's size; on a server it would otherwise happen up to a minute later.
 * Rows written by the current transaction are counted, so this may run before the import commits.
 */
export async function analyzeCatalog(db: Db) {
  await sql`analyze entities, entity_relations`.execute(db);
}

/** Which of these refs exist as active entities. */
export async function existingActiveRefs(db: Db, refs: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < refs.length; i += 5000) {
    const rows = await db
      .selectFrom('entities')
      .select('ref')
      .where('ref', 'in', refs.slice(i, i + 5000))
      .where('status', '=', 'active')
      .execute();
    for (const r of rows) found.add(r.ref);
  }
  return found;
}

/** Platform teams own a capability; customer teams own a service and no capability. */
export async function teamKindCounts(db: Db): Promise<{ customer: number; platform: number }> {
  const result = await sql<{ platform: number; customer: number }>`
    select
      count(*) filter (where owns_capability)::int as platform,
      count(*) filter (where owns_service and not owns_capability)::int as customer
    from (
      select
        exists (select 1 from entities o where o.kind = 'Capability' and o.owner_ref = g.ref and o.status = 'active') as owns_capability,
        exists (select 1 from entities o where o.kind = 'Component' and o.owner_ref = g.ref and o.status = 'active') as owns_service
      from entities g where g.kind = 'Group' and g.status = 'active'
    ) t`.execute(db);
  return result.rows[0] ?? { customer: 0, platform: 0 };
}

export async function capabilitiesByLifecycle(db: Db) {
  return db
    .selectFrom('entities')
    .select(['lifecycle', (eb) => eb.fn.countAll<number>().as('count')])
    .where('kind', '=', 'Capability')
    .where('status', '=', 'active')
    .groupBy('lifecycle')
    .orderBy('lifecycle')
    .execute();
}
