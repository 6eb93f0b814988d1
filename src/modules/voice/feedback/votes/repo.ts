import { sql } from 'kysely';
import type { Db } from '../../../../db/schema/index.js';

/** Adds a person's vote; false when they had voted already (one vote per person, the first one kept). */
export async function insertVote(db: Db, requestId: number, personRef: string, teams: string[]): Promise<boolean> {
  const row = await db
    .insertInto('request_votes')
    .values({ request_id: requestId, person_ref: personRef, teams: JSON.stringify(teams) })
    .onConflict((oc) => oc.columns(['request_id', 'person_ref']).doNothing())
    .returning('request_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Withdraws a person's vote; the teams it counted, or null when there was none. */
export async function deleteVote(db: Db, requestId: number, personRef: string): Promise<string[] | null> {
  const row = await db
    .deleteFrom('request_votes')
    .where('request_id', '=', requestId)
    .where('person_ref', '=', personRef)
    .returning('teams')
    .executeTakeFirst();
  return row ? row.teams : null;
}

export async function findVote(db: Db, requestId: number, personRef: string) {
  return db
    .selectFrom('request_votes')
    .selectAll()
    .where('request_id', '=', requestId)
    .where('person_ref', '=', personRef)
    .executeTakeFirst();
}

/** Votes per request, and whether `personRef` cast one of them. */
export async function voteCounts(
  db: Db,
  requestIds: number[],
  personRef: string | null,
): Promise<Map<number, { votes: number; voted: boolean }>> {
  if (requestIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('request_votes')
    .select((eb) => [
      'request_id',
      eb.fn.countAll<number>().as('votes'),
      sql<boolean>`coalesce(bool_or(person_ref = ${personRef}), false)`.as('voted'),
    ])
    .where('request_id', 'in', requestIds)
    .groupBy('request_id')
    .execute();
  return new Map(rows.map((r) => [Number(r.request_id), { votes: Number(r.votes), voted: r.voted }]));
}

/**
 * The customer teams each item reaches (DOMAIN.md, reach): the item's own team and, for a request, its voters'
 * teams as they were at each vote. A customer team is an active Group that owns an active service and no active
 * capability (as catalog/repo's teamKindCounts counts them), judged now. A problem's reach is the number of distinct
 * teams over its items.
 */
export async function customerTeamsReached(db: Db, itemIds: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (itemIds.length === 0) return out;
  const ids = sql.join(itemIds);
  const result = await sql<{ item_id: number; team_ref: string }>`
    select r.item_id, r.team_ref from (
      select f.id as item_id, t.ref as team_ref from feedback f join entities t on t.id = f.team_id
        where f.id in (${ids})
      union
      select v.request_id, jsonb_array_elements_text(v.teams) from request_votes v where v.request_id in (${ids})
    ) r
    where exists (select 1 from entities g where g.ref = r.team_ref and g.kind = 'Group' and g.status = 'active')
      and exists (select 1 from entities s
        where s.kind = 'Component' and s.owner_ref = r.team_ref and s.status = 'active')
      and not exists (select 1 from entities c
        where c.kind = 'Capability' and c.owner_ref = r.team_ref and c.status = 'active')
    order by r.item_id, r.team_ref`.execute(db);
  for (const { item_id, team_ref } of result.rows) {
    const id = Number(item_id);
    out.set(id, [...(out.get(id) ?? []), team_ref]);
  }
  return out;
}

export interface RequestTally {
  votes: number;
  reach: number;
  voted: boolean;
}

/** `votes`, `reach` and whether the caller voted, for each request. */
export async function requestTallies(
  db: Db,
  requestIds: number[],
  personRef: string | null,
): Promise<Map<number, RequestTally>> {
  const counts = await voteCounts(db, requestIds, personRef);
  const reached = await customerTeamsReached(db, requestIds);
  return new Map(
    requestIds.map((id) => [
      id,
      {
        votes: counts.get(id)?.votes ?? 0,
        reach: reached.get(id)?.length ?? 0,
        voted: counts.get(id)?.voted ?? false,
      },
    ]),
  );
}
