import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../../db/schema/index.js';
import type { ReleaseClosesTable, ReleaseRow, ReleasesTable, ReleaseType } from '../../../db/schema/shipping.js';

export type ReleaseWithCapability = ReleaseRow & {
  deadline_text: string | null;
  capability_name: string | null;
  capability_title: string | null;
  capability_ref: string | null;
  capability_owner: string | null;
};
export type CloseKind = ReleaseClosesTable['kind'];

const columns = (db: Db) =>
  db
    .selectFrom('releases as r')
    .leftJoin('entities as c', 'c.id', 'r.capability_id')
    .selectAll('r')
    .select([
      sql<string | null>`r.deadline::text`.as('deadline_text'),
      'c.name as capability_name',
      'c.title as capability_title',
      'c.ref as capability_ref',
      'c.owner_ref as capability_owner',
    ]);

export async function findRelease(db: Db, id: number): Promise<ReleaseWithCapability | undefined> {
  return columns(db).where('r.id', '=', id).executeTakeFirst();
}

/** The release, locked for the rest of the transaction (two changes of one release apply in turn). */
export async function lockRelease(db: Db, id: number): Promise<ReleaseWithCapability | undefined> {
  return columns(db).where('r.id', '=', id).forUpdate('r').executeTakeFirst();
}

export async function releaseByExternalId(
  db: Db,
  source: 'github' | 'gitlab',
  externalId: string,
): Promise<ReleaseWithCapability | undefined> {
  return columns(db)
    .where('r.source', '=', source)
    .where('r.external_id', '=', externalId)
    .forUpdate('r')
    .executeTakeFirst();
}

/** Inserts a release; undefined when another writer inserted the same external release first. */
export async function insertRelease(db: Db, row: Insertable<ReleasesTable>): Promise<number | undefined> {
  const inserted = await db
    .insertInto('releases')
    .values(row)
    .onConflict((oc) => oc.columns(['source', 'external_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id;
}

export async function updateRelease(db: Db, id: number, changes: Updateable<ReleasesTable>): Promise<void> {
  await db
    .updateTable('releases')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function deleteRelease(db: Db, id: number): Promise<void> {
  await db.deleteFrom('releases').where('id', '=', id).execute();
}

/** The id of another release of the capability with this version, if any. */
export async function releaseWithVersion(
  db: Db,
  capabilityId: number,
  version: string,
  exceptId = 0,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('releases')
    .select('id')
    .where('capability_id', '=', capabilityId)
    .where('version', '=', version)
    .where('id', '<>', exceptId)
    .executeTakeFirst();
  return row?.id;
}

export interface ReleaseFilter {
  capabilityId?: number;
  types?: ReleaseType[];
  from?: Date;
  to?: Date;
  q?: string;
  /** The last release of the previous page: the list continues after it (newest first). */
  after?: { at: Date; id: number };
  limit: number;
  /** True: the releases on no capability (from repositories no capability names) instead of the others. */
  unmapped?: boolean;
}

const likeText = (q: string) => `%${q.replace(/[\\%_]/g, '\\$&')}%`;

/** Releases newest first (by date, then id), filtered. */
export async function listReleases(db: Db, f: ReleaseFilter): Promise<ReleaseWithCapability[]> {
  let query = columns(db).where('r.capability_id', f.unmapped ? 'is' : 'is not', null);
  if (f.capabilityId !== undefined) query = query.where('r.capability_id', '=', f.capabilityId);
  if (f.types?.length) query = query.where('r.type', 'in', f.types);
  if (f.from) query = query.where('r.released_at', '>=', f.from);
  if (f.to) query = query.where('r.released_at', '<=', f.to);
  if (f.q) {
    const like = likeText(f.q);
    query = query.where((eb) =>
      eb.or([eb('r.title', 'ilike', like), eb('r.notes', 'ilike', like), eb('r.version', 'ilike', like)]),
    );
  }
  if (f.after) {
    const { at, id } = f.after;
    query = query.where(sql<boolean>`(r.released_at, r.id) < (${at}::timestamptz, ${id}::bigint)`);
  }
  return query.orderBy('r.released_at', 'desc').orderBy('r.id', 'desc').limit(f.limit).execute();
}

export interface CloseRow {
  release_id: number;
  kind: CloseKind;
  id: number;
  title: string;
  status: string;
}

/** What each release closes, with the items' titles and statuses now (an item deleted since is left out). */
export async function closesOf(db: Db, releaseIds: number[]): Promise<CloseRow[]> {
  if (releaseIds.length === 0) return [];
  const result = await sql<CloseRow>`
    select rc.release_id, rc.kind, rc.target_id as id, coalesce(f.title, m.title) as title,
      coalesce(f.status, m.status) as status
    from release_closes rc
    left join feedback f on rc.kind in ('request', 'bug') and f.id = rc.target_id and f.kind = rc.kind
    left join roadmap_items m on rc.kind = 'roadmap' and m.id = rc.target_id
    where rc.release_id = any(${releaseIds}::bigint[]) and coalesce(f.id, m.id) is not null
    order by rc.release_id, rc.kind, rc.target_id`.execute(db);
  return result.rows.map((r) => ({ ...r, release_id: Number(r.release_id), id: Number(r.id) }));
}

/** Times each release's notes were viewed (capability_views naming the release). */
export async function viewsOf(db: Db, releaseIds: number[]): Promise<Map<number, number>> {
  if (releaseIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('capability_views')
    .select(['release_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('release_id', 'in', releaseIds)
    .groupBy('release_id')
    .execute();
  return new Map(rows.map((r) => [Number(r.release_id), Number(r.n)]));
}

export async function replaceCloses(db: Db, releaseId: number, items: { kind: CloseKind; id: number }[]) {
  await db.deleteFrom('release_closes').where('release_id', '=', releaseId).execute();
  const unique = [...new Map(items.map((i) => [`${i.kind}:${i.id}`, i])).values()];
  if (unique.length > 0)
    await db
      .insertInto('release_closes')
      .values(unique.map((i) => ({ release_id: releaseId, kind: i.kind, target_id: i.id })))
      .execute();
}

/** Of the ids given, those that name an item of this kind. */
export async function existingTargets(db: Db, kind: CloseKind, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows =
    kind === 'roadmap'
      ? await db.selectFrom('roadmap_items').select('id').where('id', 'in', ids).execute()
      : await db.selectFrom('feedback').select('id').where('kind', '=', kind).where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * Closes the items that are still open, as of `at` (never before an item was opened, so its times stay in order):
 * a request becomes done, a bug fixed, a roadmap item done. Returns those it closed, with their status before.
 */
export async function closeTargets(
  db: Db,
  kind: CloseKind,
  ids: number[],
  at: Date,
): Promise<{ id: number; title: string; was: string }[]> {
  if (ids.length === 0) return [];
  const result =
    kind === 'roadmap'
      ? await sql<{ id: number; title: string; was: string }>`
          update roadmap_items m set status = 'done', updated_at = now()
          from roadmap_items old
          where old.id = m.id and m.id = any(${ids}::bigint[]) and m.status <> 'done'
          returning m.id, m.title, old.status as was`.execute(db)
      : await sql<{ id: number; title: string; was: string }>`
          update feedback f
          set status = ${kind === 'request' ? 'done' : 'fixed'},
            closed_at = greatest(${at}::timestamptz, f.opened_at, coalesce(f.responded_at, f.opened_at)),
            updated_at = now()
          from feedback old
          where old.id = f.id and f.id = any(${ids}::bigint[]) and f.kind = ${kind}
            and f.closed_at is null and f.status not in ('done', 'declined', 'fixed')
          returning f.id, f.title, old.status as was`.execute(db);
  return result.rows.map((r) => ({ ...r, id: Number(r.id) })).sort((a, b) => a.id - b.id);
}

/** Releases from repositories that are on no capability, whose tag is a version: candidates for mapping. */
export async function unmappedFromRepositories(db: Db): Promise<ReleaseWithCapability[]> {
  return columns(db)
    .where('r.capability_id', 'is', null)
    .where('r.source', 'in', ['github', 'gitlab'])
    .where('r.external_repository', 'is not', null)
    .orderBy('r.id')
    .execute();
}
