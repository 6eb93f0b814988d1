import { sql } from 'kysely';
import type { Db } from '../../../db/schema/index.js';

// Reach (DOMAIN.md): the distinct customer teams a request, a problem or a roadmap item touches. The one place it
// is defined; requests, problems, the backlog and the roadmap all read it.

/**
 * A customer team (DOMAIN.md): a Group owning at least one active service and no active capability. `g` is the
 * group's alias in the query that uses it.
 */
const IS_CUSTOMER_TEAM = sql`
  exists (select 1 from entities s where s.kind = 'Component' and s.owner_ref = g.ref and s.status = 'active')
  and not exists (select 1 from entities c where c.kind = 'Capability' and c.owner_ref = g.ref and c.status = 'active')`;

export interface ReachTeam {
  kind: 'problem' | 'request';
  id: number;
  ref: string;
  name: string;
}

/**
 * The customer teams each target reaches, distinct, as rows (kind, id, ref, name): for a problem, its items' teams and
 * its requests' voters' teams (as they were at the vote); for a request, its author's team and its voters' teams.
 */
function reachRows(problems: number[], requests: number[]) {
  return sql`
    with pairs as (
      select 'problem' as kind, f.problem_id as id, t.ref
        from feedback f join entities t on t.id = f.team_id
        where f.problem_id = any(${problems}::bigint[])
      union
      select 'problem', f.problem_id, voter.ref
        from feedback f
        join request_votes v on v.request_id = f.id
        cross join lateral jsonb_array_elements_text(v.teams) as voter(ref)
        where f.kind = 'request' and f.problem_id = any(${problems}::bigint[])
      union
      select 'request', f.id, t.ref
        from feedback f join entities t on t.id = f.team_id
        where f.kind = 'request' and f.id = any(${requests}::bigint[])
      union
      select 'request', v.request_id, voter.ref
        from request_votes v
        cross join lateral jsonb_array_elements_text(v.teams) as voter(ref)
        where v.request_id = any(${requests}::bigint[])
    )
    select p.kind, p.id, g.ref, g.name
    from pairs p
    join entities g on g.ref = p.ref and g.kind = 'Group' and g.status = 'active'
    where ${IS_CUSTOMER_TEAM}`;
}

/** The customer teams each target reaches (see reachRows), by kind, id and team name. */
export async function reachTeams(db: Db, targets: { problems?: number[]; requests?: number[] }): Promise<ReachTeam[]> {
  const problems = targets.problems ?? [];
  const requests = targets.requests ?? [];
  if (problems.length === 0 && requests.length === 0) return [];
  const result = await sql<ReachTeam>`
    select * from (${reachRows(problems, requests)}) r order by r.kind, r.id, r.name`.execute(db);
  return result.rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** Reach itself, the number of those teams, for each target that reaches any (the backlog needs no names). */
export async function reachCounts(
  db: Db,
  targets: { problems?: number[]; requests?: number[] },
): Promise<Map<string, number>> {
  const problems = targets.problems ?? [];
  const requests = targets.requests ?? [];
  if (problems.length === 0 && requests.length === 0) return new Map();
  const result = await sql<{ kind: string; id: number; reach: number }>`
    select r.kind, r.id, count(*)::int as reach from (${reachRows(problems, requests)}) r group by r.kind, r.id`.execute(
    db,
  );
  return new Map(result.rows.map((r) => [`${r.kind} ${Number(r.id)}`, Number(r.reach)]));
}
