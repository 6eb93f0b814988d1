import { reachTeams } from '../../reach/repo.js';
import { sql } from 'kysely';
import type { Db } from '../../../../db/schema/index.js';
import { chunks } from '../../../../shared/chunks.js';

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

/** Votes as they were cast, many at once (history brought in: the demo); a person's second vote is ignored. */
export async function insertVotes(
  db: Db,
  votes: { requestId: number; personRef: string; teams: string[]; votedAt: Date }[],
): Promise<void> {
  for (const slice of chunks(votes, 1000)) {
    await db
      .insertInto('request_votes')
      .values(
        slice.map((v) => ({
          request_id: v.requestId,
          person_ref: v.personRef,
          teams: JSON.stringify(v.teams),
          voted_at: v.votedAt,
        })),
      )
      .onConflict((oc) => oc.columns(['request_id', 'person_ref']).doNothing())
      .execute();
  }
}

/**
 * Marks the request changed (its updated_at) when a vote is cast or withdrawn: its reach may differ, and what keeps
 * the backlog in memory finds changed requests by their updated_at (problems/cache/).
 */
export async function touchRequest(db: Db, requestId: number): Promise<void> {
  await db.updateTable('feedback').set({ updated_at: new Date() }).where('id', '=', requestId).execute();
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
  const reached = new Map<number, number>();
  for (const team of await reachTeams(db, { requests: requestIds }))
    reached.set(team.id, (reached.get(team.id) ?? 0) + 1);
  return new Map(
    requestIds.map((id) => [
      id,
      {
        votes: counts.get(id)?.votes ?? 0,
        reach: reached.get(id) ?? 0,
        voted: counts.get(id)?.voted ?? false,
      },
    ]),
  );
}
