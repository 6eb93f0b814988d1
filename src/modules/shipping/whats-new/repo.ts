import { sql } from 'kysely';
import type { Db } from '../../../db/schema/index.js';
import type { ReleaseType } from '../../../db/schema/shipping.js';

/** A release as news lists (what's new, feeds) read it, with its capability and the team that owns it. */
export interface NewsRow {
  id: number;
  capability: string;
  capability_id: number;
  capability_title: string | null;
  owner: string | null;
  version: string;
  type: ReleaseType;
  title: string | null;
  notes: string;
  released_at: Date;
  updated_at: Date;
  deadline: string | null;
  touches: boolean;
}

export interface NewsQuery {
  /** Only these capabilities (a team's interests); absent: all. A release without a capability is never news. */
  capabilityIds?: number[];
  /**
   * Capabilities the reader uses: their breaking changes and deprecations still open (deadline not passed, or no
   * deadline and released in the last 90 days) are `touches` and come first.
   */
  touching?: number[];
  from?: Date;
  /** Keyset: the row after which the page starts, in the list's order. */
  after?: { touches: boolean; at: string; id: number };
  limit: number;
}

const ids = (list: number[]) => sql.join(list.map((id) => sql`${id}`));

/** Releases, newest first, the ones that touch the reader before all others. */
export async function listNews(db: Db, q: NewsQuery): Promise<NewsRow[]> {
  if (q.capabilityIds?.length === 0) return [];
  const touching = q.touching?.length
    ? sql`r.type in ('breaking', 'deprecation') and r.capability_id in (${ids(q.touching)})
          and (r.deadline >= (now() at time zone 'utc')::date
               or (r.deadline is null and r.released_at >= now() - interval '90 days'))`
    : sql`false`;
  const capabilities = q.capabilityIds ? sql`r.capability_id in (${ids(q.capabilityIds)})` : sql`true`;
  const from = q.from ? sql`r.released_at >= ${q.from}` : sql`true`;
  const after = q.after
    ? sql`(n.touches::int, n.released_at, n.id) < (${q.after.touches ? 1 : 0}, ${q.after.at}::timestamptz, ${q.after.id})`
    : sql`true`;
  const result = await sql<NewsRow>`
    select * from (
      select r.id, c.name as capability, r.capability_id, c.title as capability_title,
             coalesce(o.title, o.name) as owner, r.version, r.type, r.title, r.notes, r.released_at, r.updated_at,
             r.deadline::text as deadline, coalesce((${touching}), false) as touches
        from releases r
        join entities c on c.id = r.capability_id
        left join entities o on o.ref = c.owner_ref
       where ${capabilities} and ${from}) n
     where ${after}
     order by n.touches desc, n.released_at desc, n.id desc
     limit ${q.limit}`.execute(db);
  return result.rows.map((r) => ({ ...r, id: Number(r.id), capability_id: Number(r.capability_id) }));
}
