import { sql } from 'kysely';
import type { Db } from '../../../../db/schema/index.js';
import type { ReleaseType } from '../../../../db/schema/shipping.js';

// Who a release concerns, as people: only active catalog Users are told (a person removed from the catalog is not).

export interface ReleaseFacts {
  id: number;
  version: string;
  type: ReleaseType;
  title: string | null;
  deadline: string | null;
  released_at: Date;
  capability_id: number;
  capability: string;
  capability_title: string | null;
}

/** The release with its capability; null when it has none (from a repository no capability names) or is gone. */
export async function releaseFacts(db: Db, releaseId: number): Promise<ReleaseFacts | null> {
  const row = await db
    .selectFrom('releases as r')
    .innerJoin('entities as c', 'c.id', 'r.capability_id')
    .select([
      'r.id',
      'r.version',
      'r.type',
      'r.title',
      sql<string | null>`r.deadline::text`.as('deadline'),
      'r.released_at',
      'c.id as capability_id',
      'c.name as capability',
      'c.title as capability_title',
    ])
    .where('r.id', '=', releaseId)
    .executeTakeFirst();
  return row ? { ...row, id: Number(row.id), capability_id: Number(row.capability_id) } : null;
}

const activeUser = (column: string) =>
  sql<boolean>`exists (select 1 from entities u where u.ref = ${sql.ref(column)} and u.kind = 'User' and u.status = 'active')`;

/** The people who follow a capability. */
export async function followersOf(db: Db, capabilityId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('follows as f')
    .select('f.person_ref')
    .where('f.capability_id', '=', capabilityId)
    .where(activeUser('f.person_ref'))
    .orderBy('f.person_ref')
    .execute();
  return rows.map((r) => r.person_ref);
}

export interface Asker {
  person: string;
  kind: 'request' | 'bug';
  itemId: number;
  title: string;
}

/** The reporters of the requests and bugs a release closes, and the voters of those requests. */
export async function askersOf(db: Db, releaseId: number): Promise<Asker[]> {
  const result = await sql<{ person: string; kind: 'request' | 'bug'; item_id: number; title: string }>`
    select distinct p.person, f.kind, f.id as item_id, f.title
      from release_closes rc
      join feedback f on f.id = rc.target_id and f.kind = rc.kind
      cross join lateral (
        select f.author_ref as person where f.author_ref is not null
        union
        select v.person_ref from request_votes v where v.request_id = f.id
      ) p
     where rc.release_id = ${releaseId} and rc.kind in ('request', 'bug') and ${activeUser('p.person')}
     order by p.person, f.id`.execute(db);
  return result.rows.map((r) => ({ person: r.person, kind: r.kind, itemId: Number(r.item_id), title: r.title }));
}

/** The members of these teams (a User's memberOf, or a Group's members), each with the teams of theirs named. */
export async function membersOf(db: Db, teamRefs: string[]): Promise<Map<string, string[]>> {
  if (teamRefs.length === 0) return new Map();
  const teams = sql.join(teamRefs.map((t) => sql`${t}`));
  const result = await sql<{ person: string; team: string }>`
    select distinct m.person, m.team from (
      select u.ref as person, r.target_ref as team
        from entity_relations r join entities u on u.id = r.source_id
       where r.type = 'memberOf' and u.kind = 'User' and r.target_ref in (${teams})
      union
      select r.target_ref, g.ref
        from entity_relations r join entities g on g.id = r.source_id
       where r.type = 'hasMember' and g.kind = 'Group' and g.status = 'active' and g.ref in (${teams})
    ) m
    where ${activeUser('m.person')}
    order by m.person, m.team`.execute(db);
  const members = new Map<string, string[]>();
  for (const r of result.rows) members.set(r.person, [...(members.get(r.person) ?? []), r.team]);
  return members;
}
