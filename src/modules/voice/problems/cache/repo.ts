import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../../db/schema/index.js';
import type { FeedbackKind } from '../../../../db/schema/voice.js';
import { BUCKET_SIZE, type Fingerprint } from './row-versions.js';

// What the suggestion and backlog caches ask the database: whether the rows they were computed from changed, cheaply
// (per bucket of ids, a count and an XOR of one hash per row, read from an index alone: migration 0016), and if so
// which rows. A row's version is a hash of its id and updated_at, which every write of an item sets (a vote sets its
// request's).

const version = (alias: string) =>
  sql<string>`hash_record_extended((${sql.ref(`${alias}.id`)}, ${sql.ref(`${alias}.updated_at`)}), 0)`;

const UNPLACED = sql`f.problem_id is null and f.closed_at is null`;
const BACKLOG = sql`(f.kind = 'request' or f.problem_id is not null)`;

/** Per bucket of ids (id / BUCKET_SIZE): how many rows, and the XOR of their versions. */
async function bucketFingerprints(db: Db, where: RawBuilder<unknown>): Promise<Map<number, Fingerprint>> {
  const result = await sql<{ bucket: number; count: number; xor: string }>`
    select f.id / ${BUCKET_SIZE} as bucket, count(*)::int as count, bit_xor(${version('f')})::text as xor
      from feedback f where ${where} group by 1`.execute(db);
  return new Map(result.rows.map((r) => [Number(r.bucket), { count: Number(r.count), xor: r.xor }]));
}

/** The rows' versions (id → version), all of them or those in the buckets named. */
async function versionsOf(db: Db, where: RawBuilder<unknown>, buckets: number[] | null) {
  // No bucket changed (a problem's own fields did, say): no rows, and no query with an empty range.
  if (buckets?.length === 0) return [];
  const only =
    buckets === null
      ? sql``
      : sql`and f.id / ${BUCKET_SIZE} = any(${buckets}::bigint[])
            and f.id >= ${Math.min(...buckets) * BUCKET_SIZE} and f.id < ${(Math.max(...buckets) + 1) * BUCKET_SIZE}`;
  const result = await sql<{ id: number; kind: FeedbackKind; problem_id: number | null; v: string }>`
    select f.id, f.kind, f.problem_id, ${version('f')}::text as v from feedback f where ${where} ${only}`.execute(db);
  return result.rows.map((r) => ({
    id: Number(r.id),
    kind: r.kind,
    problemId: r.problem_id === null ? null : Number(r.problem_id),
    version: r.v,
  }));
}

/**
 * The open items in no problem with an id up to `upTo`, fingerprinted per bucket; the highest id of them all; and the
 * dismissed suggestions' count and highest id (dismissals are only ever added).
 */
export async function unplacedFingerprint(db: Db, upTo: number) {
  const buckets = await bucketFingerprints(db, sql`${UNPLACED} and f.id <= ${upTo}`);
  const result = await sql<{ max_id: number | null; dismissed: string }>`
    select max(f.id) as max_id,
           (select count(*) || ':' || coalesce(max(id), 0) from dismissed_suggestions) as dismissed
      from feedback f where ${UNPLACED}`.execute(db);
  const row = result.rows[0];
  return { buckets, maxId: Number(row?.max_id ?? 0), dismissed: row?.dismissed ?? '0:0' };
}

/** Open items in no problem (id → version): all of them, or those in the buckets named. */
export async function unplacedVersions(db: Db, buckets: number[] | null): Promise<Map<number, string>> {
  return new Map((await versionsOf(db, UNPLACED, buckets)).map((r) => [r.id, r.version]));
}

export interface UnplacedRow {
  id: number;
  kind: FeedbackKind;
  title: string;
  body: string | null;
  team_ref: string | null;
  team_name: string | null;
  version: string;
}

/** Open items in no problem, in id order: those above `afterId` (at most `limit` of them), or those named. */
export async function unplacedRows(
  db: Db,
  which: { afterId: number; limit?: number } | { ids: number[] },
): Promise<UnplacedRow[]> {
  const filter = 'afterId' in which ? sql`f.id > ${which.afterId}` : sql`f.id = any(${which.ids}::bigint[])`;
  const limit = 'afterId' in which && which.limit !== undefined ? sql`limit ${which.limit}` : sql``;
  const result = await sql<UnplacedRow>`
    select f.id, f.kind, f.title, f.body, t.ref as team_ref, t.name as team_name, ${version('f')}::text as version
      from feedback f left join entities t on t.id = f.team_id
     where ${UNPLACED} and ${filter}
     order by f.id ${limit}`.execute(db);
  return result.rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/**
 * What the backlog is computed from: requests and items in a problem (feedback_backlog), per bucket; and one
 * fingerprint each for problems and for the catalog's teams, services and capabilities (which teams are customer
 * teams, and their names).
 */
export async function backlogFingerprint(db: Db) {
  const items = await bucketFingerprints(db, BACKLOG);
  const result = await sql<{ problems: string; catalog: string }>`
    select (select count(*) || ':' || coalesce(bit_xor(${version('p')}), 0) from problems p) as problems,
           (select count(*) || ':' || coalesce(bit_xor(hash_record_extended((e.id, e.updated_at, e.status, e.owner_ref), 0)), 0)
              from entities e where e.kind in ('Group', 'Component', 'Capability')) as catalog`.execute(db);
  const row = result.rows[0];
  return { items, problems: row?.problems ?? '', catalog: row?.catalog ?? '' };
}

export interface BacklogItemVersion {
  kind: FeedbackKind;
  problemId: number | null;
  version: string;
}

/** Requests and items in a problem (id → kind, problem, version): all of them, or those in the buckets named. */
export async function backlogItemVersions(db: Db, buckets: number[] | null): Promise<Map<number, BacklogItemVersion>> {
  return new Map((await versionsOf(db, BACKLOG, buckets)).map(({ id, ...v }) => [id, v]));
}

/** Problems: id → version. */
export async function problemVersions(db: Db): Promise<Map<number, string>> {
  const result = await sql<{ id: number; v: string }>`select p.id, ${version('p')}::text as v from problems p`.execute(
    db,
  );
  return new Map(result.rows.map((r) => [Number(r.id), r.v]));
}
