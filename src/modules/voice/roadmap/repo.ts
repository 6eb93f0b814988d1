import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../../db/schema/index.js';
import type { RoadmapItemRow, RoadmapItemsTable, RoadmapLinksTable } from '../../../db/schema/voice.js';

export type RoadmapWithCapability = RoadmapItemRow & {
  capability_name: string | null;
  capability_owner: string | null;
};

const columns = (db: Db) =>
  db
    .selectFrom('roadmap_items as r')
    .leftJoin('entities as c', 'c.id', 'r.capability_id')
    .selectAll('r')
    .select(['c.name as capability_name', 'c.owner_ref as capability_owner']);

export async function insertRoadmapItem(db: Db, row: Insertable<RoadmapItemsTable>): Promise<number> {
  return (await db.insertInto('roadmap_items').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Deletes the roadmap items (with their links) created by people whose name ends with `suffix` (the demo's). */
export async function deleteRoadmapItemsByPeople(db: Db, suffix: string): Promise<void> {
  await db
    .deleteFrom('roadmap_items')
    .where('created_by', 'like', `%${suffix.replace(/[\\%_]/g, '\\$&')}`)
    .execute();
}

export async function findRoadmapItem(db: Db, id: number): Promise<RoadmapWithCapability | undefined> {
  return columns(db).where('r.id', '=', id).executeTakeFirst();
}

export async function lockRoadmapItem(db: Db, id: number): Promise<RoadmapWithCapability | undefined> {
  return columns(db).where('r.id', '=', id).forUpdate('r').executeTakeFirst();
}

export async function listRoadmapItems(db: Db, status?: string): Promise<RoadmapWithCapability[]> {
  let q = columns(db);
  if (status) q = q.where('r.status', '=', status as RoadmapItemRow['status']);
  return q.orderBy('r.id').execute();
}

export async function updateRoadmapItem(db: Db, id: number, changes: Updateable<RoadmapItemsTable>): Promise<void> {
  await db
    .updateTable('roadmap_items')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export interface LinkRow {
  roadmap_id: number;
  kind: RoadmapLinksTable['kind'];
  id: number;
  title: string;
  status: string;
}

/** The problems and requests each roadmap item is linked to, with their titles and statuses. */
export async function linksOf(db: Db, roadmapIds: number[]): Promise<LinkRow[]> {
  if (roadmapIds.length === 0) return [];
  const result = await sql<LinkRow>`
    select l.roadmap_id, l.kind, l.target_id as id, coalesce(p.title, f.title) as title,
      coalesce(p.status, f.status) as status
    from roadmap_links l
    left join problems p on l.kind = 'problem' and p.id = l.target_id
    left join feedback f on l.kind = 'request' and f.id = l.target_id and f.kind = 'request'
    where l.roadmap_id = any(${roadmapIds}::bigint[]) and coalesce(p.id, f.id) is not null
    order by l.roadmap_id, l.kind, l.target_id`.execute(db);
  return result.rows.map((r) => ({ ...r, roadmap_id: Number(r.roadmap_id), id: Number(r.id) }));
}

export async function replaceLinks(db: Db, roadmapId: number, kind: 'problem' | 'request', ids: number[]) {
  await db.deleteFrom('roadmap_links').where('roadmap_id', '=', roadmapId).where('kind', '=', kind).execute();
  if (ids.length > 0)
    await db
      .insertInto('roadmap_links')
      .values([...new Set(ids)].map((target_id) => ({ roadmap_id: roadmapId, kind, target_id })))
      .execute();
}

/** Of the ids given, those that are problems (or requests). */
export async function existingTargets(db: Db, kind: 'problem' | 'request', ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows =
    kind === 'problem'
      ? await db.selectFrom('problems').select('id').where('id', 'in', ids).execute()
      : await db.selectFrom('feedback').select('id').where('kind', '=', 'request').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** A merged problem's roadmap links move to the problem it was merged into (a link held twice is kept once). */
export async function moveProblemLinks(db: Db, from: number, to: number): Promise<void> {
  const links = await db
    .selectFrom('roadmap_links')
    .select('roadmap_id')
    .where('kind', '=', 'problem')
    .where('target_id', '=', from)
    .execute();
  if (links.length > 0)
    await db
      .insertInto('roadmap_links')
      .values(links.map((l) => ({ roadmap_id: l.roadmap_id, kind: 'problem' as const, target_id: to })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  await db.deleteFrom('roadmap_links').where('kind', '=', 'problem').where('target_id', '=', from).execute();
}

export interface TeamItemRow {
  id: number;
  kind: 'pain' | 'request';
  title: string;
  problem_id: number | null;
}

/**
 * A team's pains and requests among the given problems' items and the given requests: written by the team, or (a
 * request) voted for by someone who was in the team at the vote.
 */
export async function teamItems(
  db: Db,
  team: { id: number; ref: string },
  problems: number[],
  requests: number[],
): Promise<TeamItemRow[]> {
  if (problems.length === 0 && requests.length === 0) return [];
  const result = await sql<TeamItemRow>`
    select f.id, f.kind, f.title, f.problem_id
    from feedback f
    where f.kind in ('pain', 'request')
      and (f.problem_id = any(${problems}::bigint[]) or (f.kind = 'request' and f.id = any(${requests}::bigint[])))
      and (
        f.team_id = ${team.id}
        or (f.kind = 'request' and exists (
          select 1 from request_votes v where v.request_id = f.id and v.teams @> jsonb_build_array(${team.ref}::text)))
      )
    order by f.id`.execute(db);
  return result.rows.map((r) => ({
    ...r,
    id: Number(r.id),
    problem_id: r.problem_id === null ? null : Number(r.problem_id),
  }));
}
