import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/schema/index.js';

// Whose news a capability's release is (DOMAIN.md, Shipping: "what's new for a team"): a team that uses the
// capability, or that asked for it. Defined here once; the what's-new page, the team feeds, the announcements
// filtered by team and the notifications all read it.
// - uses: one of the team's services matches the capability's rules at its latest scan, or sent a usage event in
//   the last 30 days, or the team's latest declaration for it says "using" (the signals adoption counts, not
//   churned; DOMAIN.md, Adoption);
// - asked: the team wrote a request on the capability, or one of its people voted for one (the voter's teams at
//   the vote).

export type Interest = 'uses' | 'asked';

export interface InterestPair {
  teamRef: string;
  capabilityId: number;
  reasons: Interest[];
}

const ACTIVE_EVENTS = sql`now() - interval '30 days'`;

/** (team, capability) pairs with why, for one team or one capability (or all). */
export async function interestPairs(
  db: Db,
  only: { teamRef?: string; capabilityId?: number } = {},
): Promise<InterestPair[]> {
  const team = (column: RawBuilder<unknown>) =>
    only.teamRef === undefined ? sql`true` : sql`${column} = ${only.teamRef}`;
  const cap = (column: RawBuilder<unknown>) =>
    only.capabilityId === undefined ? sql`true` : sql`${column} = ${only.capabilityId}`;
  const result = await sql<{ team_ref: string; capability_id: number; reason: Interest }>`
    with pairs as (
      select s.owner_ref as team_ref, d.capability_id, 'uses' as reason
        from detections d
        join repositories r on r.id = d.repository_id
        join entities s on s.id = r.service_id
       where d.matched and s.owner_ref is not null and ${team(sql`s.owner_ref`)} and ${cap(sql`d.capability_id`)}
      union
      select coalesce(t.ref, s.owner_ref) as team_ref, u.capability_id, 'uses'
        from usage_events u
        left join entities t on t.id = u.team_id
        left join entities s on s.id = u.service_id
       where u.occurred_at > ${ACTIVE_EVENTS} and coalesce(t.ref, s.owner_ref) is not null
         and ${team(sql`coalesce(t.ref, s.owner_ref)`)} and ${cap(sql`u.capability_id`)}
      union
      select latest.team_ref, latest.capability_id, 'uses'
        from (select distinct on (dc.capability_id, dc.team_id) t.ref as team_ref, dc.capability_id, dc.status
                from declarations dc join entities t on t.id = dc.team_id
               where ${team(sql`t.ref`)} and ${cap(sql`dc.capability_id`)}
               order by dc.capability_id, dc.team_id, dc.effective_at desc, dc.id desc) latest
       where latest.status = 'using'
      union
      select t.ref, f.capability_id, 'asked'
        from feedback f join entities t on t.id = f.team_id
       where f.kind = 'request' and f.capability_id is not null and ${team(sql`t.ref`)} and ${cap(sql`f.capability_id`)}
      union
      select v.team_ref, f.capability_id, 'asked'
        from feedback f
        join request_votes rv on rv.request_id = f.id
        cross join lateral jsonb_array_elements_text(rv.teams) as v(team_ref)
       where f.kind = 'request' and f.capability_id is not null and ${team(sql`v.team_ref`)} and ${cap(sql`f.capability_id`)}
    )
    select team_ref, capability_id, reason from pairs order by team_ref, capability_id, reason`.execute(db);
  const pairs = new Map<string, InterestPair>();
  for (const r of result.rows) {
    const key = `${r.team_ref} ${r.capability_id}`;
    const pair = pairs.get(key) ?? { teamRef: r.team_ref, capabilityId: Number(r.capability_id), reasons: [] };
    pair.reasons.push(r.reason);
    pairs.set(key, pair);
  }
  return [...pairs.values()];
}

/** The capabilities whose releases are news for a team, with why. */
export async function capabilitiesOfInterest(db: Db, teamRef: string): Promise<Map<number, Interest[]>> {
  return new Map((await interestPairs(db, { teamRef })).map((p) => [p.capabilityId, p.reasons]));
}

/** The teams a capability's releases are news for, with why. */
export async function teamsInterestedIn(db: Db, capabilityId: number): Promise<Map<string, Interest[]>> {
  return new Map((await interestPairs(db, { capabilityId })).map((p) => [p.teamRef, p.reasons]));
}
