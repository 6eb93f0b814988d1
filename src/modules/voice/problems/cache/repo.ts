import { sql } from 'kysely';
import type { Db } from '../../../../db/schema/index.js';
import type { FeedbackKind } from '../../../../db/schema/voice.js';

// What the suggestion and backlog caches ask the database: whether the rows they were computed from changed, cheaply
// (a count and an XOR of one hash per row, read from an index alone: migration 0016), and if so which rows. A row's
// version is a hash of its id and updated_at, which every write of an item sets (a vote sets its request's).

/** How many rows, and the XOR of their versions (as text: a 64-bit integer). */
export interface Fingerprint {
  count: number;
  xor: string;
}

const version = (alias: string) =>
  sql<string>`hash_record_extended((${sql.ref(`${alias}.id`)}, ${sql.ref(`${alias}.updated_at`)}), 0)`;

const fingerprintOf = (rows: { count: number | string; xor: string | null } | undefined): Fingerprint => ({
  count: Number(rows?.count ?? 0),
  xor: rows?.xor ?? '0',
});

const UNPLACED = sql`f.problem_id is null and f.closed_at is null`;

/**
 * The open items in no problem with an id up to `upTo`, as one fingerprint; the highest id of them all; and the
 * dismissed suggestions' count and highest id (dismissals are only ever added).
 */
export async function unplacedFingerprint(db: Db, upTo: number) {
  const result = await sql<{ count: number; xor: string | null; max_id: number | null; dismissed: string }>`
    select count(*) filter (where f.id <= ${upTo}) as count,
           (bit_xor(${version('f')}) filter (where f.id <= ${upTo}))::text as xor,
           max(f.id) as max_id,
           (select count(*) || ':' || coalesce(max(id), 0) from dismissed_suggestions) as dismissed
      from feedback f
     where ${UNPLACED}`.execute(db);
  const row = result.rows[0];
  return { below: fingerprintOf(row), maxId: Number(row?.max_id ?? 0), dismissed: row?.dismissed ?? '0:0' };
}

/** Every open item in no problem: id → version. */
export async function unplacedVersions(db: Db): Promise<Map<number, string>> {
  const result = await sql<{ id: number; v: string }>`
    select f.id, ${version('f')}::text as v from feedback f where ${UNPLACED}`.execute(db);
  return new Map(result.rows.map((r) => [Number(r.id), r.v]));
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

/** Open items in no problem, in id order: those above `afterId`, or those named. */
export async function unplacedRows(db: Db, which: { afterId: number } | { ids: number[] }): Promise<UnplacedRow[]> {
  const filter = 'afterId' in which ? sql`f.id > ${which.afterId}` : sql`f.id = any(${which.ids}::bigint[])`;
  const result = await sql<UnplacedRow>`
    select f.id, f.kind, f.title, f.body, t.ref as team_ref, t.name as team_name, ${version('f')}::text as version
      from feedback f left join entities t on t.id = f.team_id
     where ${UNPLACED} and ${filter}
     order by f.id`.execute(db);
  return result.rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/**
 * What the backlog is computed from, one fingerprint each: requests and items in a problem (feedback_backlog),
 * problems, and the catalog's teams, services and capabilities (which teams are customer teams, and their names).
 */
export async function backlogFingerprint(db: Db): Promise<string> {
  const result = await sql<{ items: string; problems: string; catalog: string }>`
    select (select count(*) || ':' || coalesce(bit_xor(${version('f')}), 0)
              from feedback f where f.kind = 'request' or f.problem_id is not null) as items,
           (select count(*) || ':' || coalesce(bit_xor(${version('p')}), 0) from problems p) as problems,
           (select count(*) || ':' || coalesce(bit_xor(hash_record_extended((e.id, e.updated_at, e.status, e.owner_ref), 0)), 0)
              from entities e where e.kind in ('Group', 'Component', 'Capability')) as catalog`.execute(db);
  const row = result.rows[0];
  return `${row?.items ?? ''}|${row?.problems ?? ''}|${row?.catalog ?? ''}`;
}

/** The catalog part of the backlog's fingerprint alone: when it changes, every reach may have. */
export const catalogPart = (fingerprint: string) => fingerprint.split('|')[2] ?? '';

export interface BacklogItemVersion {
  kind: FeedbackKind;
  problemId: number | null;
  version: string;
}

/** Requests and items in a problem (id → kind, problem, version), and problems (id → version). */
export async function backlogVersions(db: Db) {
  const items = await sql<{ id: number; kind: FeedbackKind; problem_id: number | null; v: string }>`
    select f.id, f.kind, f.problem_id, ${version('f')}::text as v
      from feedback f where f.kind = 'request' or f.problem_id is not null`.execute(db);
  const problems = await sql<{ id: number; v: string }>`
    select p.id, ${version('p')}::text as v from problems p`.execute(db);
  return {
    items: new Map<number, BacklogItemVersion>(
      items.rows.map((r) => [
        Number(r.id),
        { kind: r.kind, problemId: r.problem_id === null ? null : Number(r.problem_id), version: r.v },
      ]),
    ),
    problems: new Map(problems.rows.map((r) => [Number(r.id), r.v])),
  };
}
