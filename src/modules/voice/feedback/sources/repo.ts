import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../../../db/schema/index.js';
import type { FeedbackCommentsTable, FeedbackRow, FeedbackTable } from '../../../../db/schema/voice.js';

export type Provider = 'github' | 'gitlab';

/** The active capability whose `github.com/project-slug` (or GitLab's) names this repository; the oldest wins. */
export async function capabilityByRepository(
  db: Db,
  provider: Provider,
  slug: string,
): Promise<{ id: number; ref: string; ownerId: number | null } | null> {
  const annotation = `${provider}.com/project-slug`;
  // The expression matches the lookup indexes of migration 0007.
  const result = await sql<{ id: number; ref: string; ownerId: number | null }>`
    select c.id, c.ref, o.id as "ownerId"
    from entities c
    left join entities o on o.ref = c.owner_ref and o.status = 'active'
    where lower(c.metadata->'annotations'->>${annotation}) = ${slug.toLowerCase()}
      and c.kind = 'Capability' and c.status = 'active'
    order by c.id limit 1`.execute(db);
  return result.rows[0] ?? null;
}

export interface PlacedPerson {
  ref: string;
  name: string;
  /** Their first customer team (a team owning no capability), by ref. */
  teamId: number | null;
}

/** The active catalog User whose `github.com/user-login` (or GitLab's) is this login, with their first customer team. */
export async function personByLogin(db: Db, provider: Provider, login: string): Promise<PlacedPerson | null> {
  const annotation = `${provider}.com/user-login`;
  const result = await sql<{ ref: string; name: string }>`
    select ref, coalesce(nullif(title, ''), spec->'profile'->>'displayName', name) as name
    from entities
    where kind = 'User' and status = 'active' and lower(metadata->'annotations'->>${annotation}) = ${login.toLowerCase()}
    order by id limit 1`.execute(db);
  const person = result.rows[0];
  if (!person) return null;
  const teams = await sql<{ id: number }>`
    select g.id from entities g
    where g.kind = 'Group' and g.status = 'active'
      and g.ref in (
        select r.target_ref from entity_relations r join entities u on u.id = r.source_id
          where u.ref = ${person.ref} and u.kind = 'User' and r.type = 'memberOf'
        union
        select t.ref from entity_relations r join entities t on t.id = r.source_id
          where r.target_ref = ${person.ref} and r.type = 'hasMember' and t.kind = 'Group')
      and not exists (
        select 1 from entities c where c.kind = 'Capability' and c.owner_ref = g.ref and c.status = 'active')
    order by g.ref limit 1`.execute(db);
  return { ...person, teamId: teams.rows[0]?.id ?? null };
}

/** The item an issue became, locked for the rest of the transaction (two events of one issue apply in turn). */
export async function itemByExternalId(db: Db, source: Provider, externalId: string): Promise<FeedbackRow | undefined> {
  return db
    .selectFrom('feedback')
    .selectAll()
    .where('source', '=', source)
    .where('external_id', '=', externalId)
    .forUpdate()
    .executeTakeFirst();
}

/** Inserts the item; undefined when another derivation inserted it first (it is then updated instead). */
export async function insertItem(db: Db, row: Insertable<FeedbackTable>): Promise<FeedbackRow | undefined> {
  return db
    .insertInto('feedback')
    .values(row)
    .onConflict((oc) => oc.columns(['source', 'external_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function updateItem(db: Db, id: number, changes: Updateable<FeedbackTable>): Promise<void> {
  await db
    .updateTable('feedback')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function deleteItem(db: Db, id: number): Promise<void> {
  await db.deleteFrom('feedback').where('id', '=', id).execute();
}

/** The ref of the platform team answerable for an item: the one asked (support), else the capability's owner. */
export async function ownerRefOf(
  db: Db,
  item: { platform_team_id: number | null; capability_id: number | null },
): Promise<string | null> {
  if (item.platform_team_id !== null) {
    const team = await db
      .selectFrom('entities')
      .select('ref')
      .where('id', '=', item.platform_team_id)
      .executeTakeFirst();
    if (team) return team.ref;
  }
  if (item.capability_id === null) return null;
  const capability = await db
    .selectFrom('entities')
    .select('owner_ref')
    .where('id', '=', item.capability_id)
    .executeTakeFirst();
  return capability?.owner_ref ?? null;
}

/**
 * When a member of `ownerRef` first commented on the item, leaving out its own author (a platform engineer's
 * comment on their own issue answers nobody); null when none has.
 */
export async function firstOwnerComment(
  db: Db,
  itemId: number,
  ownerRef: string,
  authorRef: string | null,
): Promise<Date | null> {
  const result = await sql<{ at: Date | null }>`
    select min(c.created_at) as at from feedback_comments c
    where c.item_id = ${itemId} and c.author_ref is not null and c.author_ref is distinct from ${authorRef}
      and (
        exists (select 1 from entity_relations r join entities u on u.id = r.source_id
          where u.ref = c.author_ref and u.kind = 'User' and r.type = 'memberOf' and r.target_ref = ${ownerRef})
        or exists (select 1 from entity_relations r join entities g on g.id = r.source_id
          where g.ref = ${ownerRef} and g.kind = 'Group' and r.type = 'hasMember' and r.target_ref = c.author_ref))`.execute(
    db,
  );
  const at = result.rows[0]?.at;
  return at ? new Date(at) : null;
}

type Comment = Insertable<FeedbackCommentsTable> & { external_id: string; source: Provider };

/** Writes a mirrored comment when it is new or changed; true when something was written. */
export async function upsertComment(db: Db, comment: Comment): Promise<boolean> {
  const existing = await db
    .selectFrom('feedback_comments')
    .select(['id', 'item_id', 'author_ref', 'author_name', 'body'])
    .where('source', '=', comment.source)
    .where('external_id', '=', comment.external_id)
    .executeTakeFirst();
  if (!existing) {
    await db
      .insertInto('feedback_comments')
      .values(comment)
      .onConflict((oc) => oc.columns(['source', 'external_id']).doNothing())
      .execute();
    return true;
  }
  const { item_id, author_ref = null, author_name, body } = comment;
  if (
    existing.item_id === item_id &&
    existing.author_ref === author_ref &&
    existing.author_name === author_name &&
    existing.body === body
  )
    return false;
  await db
    .updateTable('feedback_comments')
    .set({ item_id, author_ref, author_name, body })
    .where('id', '=', existing.id)
    .execute();
  return true;
}

export async function deleteComment(db: Db, source: Provider, externalId: string): Promise<void> {
  await db.deleteFrom('feedback_comments').where('source', '=', source).where('external_id', '=', externalId).execute();
}

export interface UnplacedRow {
  id: number;
  kind: FeedbackRow['kind'];
  title: string;
  status: string;
  source: FeedbackRow['source'];
  team: string | null;
  capability: string | null;
  author_name: string | null;
  external_id: string | null;
  external_url: string | null;
  external_repository: string | null;
  external_author: string | null;
  opened_at: Date;
}

/**
 * Items Paved could not place, newest first: without a team (an author it could not map), or from an issue on a
 * repository no capability names.
 */
export async function listUnplaced(db: Db, page: { before?: number; limit: number }): Promise<UnplacedRow[]> {
  let query = db
    .selectFrom('feedback as f')
    .leftJoin('entities as t', 't.id', 'f.team_id')
    .leftJoin('entities as c', 'c.id', 'f.capability_id')
    .select([
      'f.id',
      'f.kind',
      'f.title',
      'f.status',
      'f.source',
      't.ref as team',
      'c.ref as capability',
      'f.author_name',
      'f.external_id',
      'f.external_url',
      'f.external_repository',
      'f.external_author',
      'f.opened_at',
    ])
    .where((eb) =>
      eb.or([
        eb('f.team_id', 'is', null),
        eb.and([eb('f.capability_id', 'is', null), eb('f.source', 'in', ['github', 'gitlab'])]),
      ]),
    )
    .orderBy('f.id', 'desc')
    .limit(page.limit);
  if (page.before !== undefined) query = query.where('f.id', '<', page.before);
  return query.execute();
}
