import { sql } from 'kysely';
import type { Db } from '../../../db/schema/index.js';
import type { BugFacts } from './compute-bugs.js';
import type { SupportFacts } from './compute-support.js';

export interface FactFilter {
  from: Date;
  to: Date;
  /** A capability's id: its bugs, its support requests. */
  capabilityId?: number | undefined;
  /** A platform team's ref: bugs of the capabilities it owns, support requests asked of it. */
  platformTeamRef?: string | undefined;
}

/**
 * Items any figure of [from, to) may need: opened before `to`, and opened in the period, still open, or closed in
 * or after it.
 */
/**
 * A time as milliseconds since 1970 (a whole number, exact in a float8): thousands of facts parse far faster as
 * numbers than as timestamps, which is most of what reading them costs (date_part is float8 arithmetic, where
 * extract is numeric: slower still).
 */
const ms = (column: string) => sql<number | null>`floor(date_part('epoch', ${sql.ref(column)}) * 1000)`;
const dateOf = (value: number | null) => (value === null ? null : new Date(value));

const overlaps = (f: FactFilter) =>
  sql`f.opened_at < ${f.to} and (f.opened_at >= ${f.from} or f.closed_at is null or f.closed_at >= ${f.from})`;

export async function listBugFacts(db: Db, f: FactFilter): Promise<BugFacts[]> {
  const capability = f.capabilityId === undefined ? sql`` : sql`and f.capability_id = ${f.capabilityId}`;
  const owner = f.platformTeamRef === undefined ? sql`` : sql`and c.owner_ref = ${f.platformTeamRef}`;
  const result = await sql<{
    capability: string | null;
    opened_at: number;
    responded_at: number | null;
    closed_at: number | null;
    acknowledge_hours: number | null;
    fix_hours: number | null;
  }>`
    select c.name as capability, ${ms('f.opened_at')} as opened_at, ${ms('f.responded_at')} as responded_at,
           ${ms('f.closed_at')} as closed_at, p.acknowledge_hours, p.fix_hours
      from feedback f
      left join entities c on c.id = f.capability_id
      left join sla_policies p on p.capability_id = f.capability_id and p.severity = f.severity
     where f.kind = 'bug' and ${overlaps(f)} ${capability} ${owner}`.execute(db);
  return result.rows.map((r) => ({
    capability: r.capability ?? '(none)',
    reportedAt: new Date(r.opened_at),
    acknowledgedAt: dateOf(r.responded_at),
    fixedAt: dateOf(r.closed_at),
    sla:
      r.acknowledge_hours === null || r.fix_hours === null
        ? null
        : { acknowledgeHours: r.acknowledge_hours, fixHours: r.fix_hours },
  }));
}

export async function listSupportFacts(db: Db, f: FactFilter): Promise<SupportFacts[]> {
  const capability = f.capabilityId === undefined ? sql`` : sql`and f.capability_id = ${f.capabilityId}`;
  const owner = f.platformTeamRef === undefined ? sql`` : sql`and t.ref = ${f.platformTeamRef}`;
  const result = await sql<{
    platform_team: string | null;
    category: string | null;
    opened_at: number;
    responded_at: number | null;
    closed_at: number | null;
  }>`
    select t.name as platform_team, f.category, ${ms('f.opened_at')} as opened_at,
           ${ms('f.responded_at')} as responded_at, ${ms('f.closed_at')} as closed_at
      from feedback f
      left join entities t on t.id = f.platform_team_id
     where f.kind = 'support' and ${overlaps(f)} ${capability} ${owner}`.execute(db);
  return result.rows.map((r) => ({
    platformTeam: r.platform_team,
    category: r.category,
    openedAt: new Date(r.opened_at),
    firstResponseAt: dateOf(r.responded_at),
    resolvedAt: dateOf(r.closed_at),
  }));
}

/** A Group that owns an active service and no active capability (as catalog/repo.ts teamKindCounts counts them). */
const isCustomer = (g: string) =>
  sql`exists (select 1 from entities o where o.kind = 'Component' and o.owner_ref = ${sql.ref(`${g}.ref`)} and o.status = 'active')
      and not exists (select 1 from entities o where o.kind = 'Capability' and o.owner_ref = ${sql.ref(`${g}.ref`)} and o.status = 'active')`;

export interface LinkRow {
  category: string;
  capability: string;
  owner_ref: string | null;
  capability_id: number;
  ga_date: string | null;
}

/** Support categories linked to a self-service capability. */
export async function listDeflectionLinks(db: Db): Promise<LinkRow[]> {
  const result = await sql<LinkRow>`
    select s.category, c.name as capability, c.owner_ref, c.id as capability_id, c.spec->>'gaDate' as ga_date
      from support_categories s join entities c on c.id = s.capability_id
     order by s.category`.execute(db);
  return result.rows;
}

/** Customer teams' support requests of the given categories opened in [from, to), with the team's name. */
export async function listCategoryRequests(db: Db, categories: string[], from: Date, to: Date) {
  if (categories.length === 0) return [];
  const result = await sql<{ category: string; team: string; opened_at: number }>`
    select f.category, g.name as team, ${ms('f.opened_at')} as opened_at
      from feedback f join entities g on g.id = f.team_id
     where f.kind = 'support' and f.category in (${sql.join(categories)})
       and f.opened_at >= ${from} and f.opened_at < ${to} and ${isCustomer('g')}`.execute(db);
  return result.rows.map((r) => ({ category: r.category, team: r.team, openedAt: new Date(r.opened_at) }));
}

export interface CustomerTeamRow {
  id: number;
  ref: string;
  name: string;
  title: string | null;
}

export async function listCustomerTeams(db: Db): Promise<CustomerTeamRow[]> {
  const result = await sql<CustomerTeamRow>`
    select g.id, g.ref, g.name, g.title from entities g
     where g.kind = 'Group' and g.status = 'active' and ${isCustomer('g')}
     order by g.name`.execute(db);
  return result.rows;
}

/** Groups that own an active capability, by name. */
export async function listPlatformTeams(db: Db): Promise<{ id: number; ref: string; name: string }[]> {
  const result = await sql<{ id: number; ref: string; name: string }>`
    select g.id, g.ref, g.name from entities g
     where g.kind = 'Group' and g.status = 'active'
       and exists (select 1 from entities o where o.kind = 'Capability' and o.owner_ref = g.ref and o.status = 'active')
     order by g.name`.execute(db);
  return result.rows;
}

/** Conversations dated up to `until` (YYYY-MM-DD), and from `since` when given, as coverage counts them. */
export async function listConversationFacts(db: Db, until: string, since?: string) {
  const result = await sql<{ team_ref: string; platform_team: string | null; occurred_on: string }>`
    select g.ref as team_ref, p.name as platform_team, to_char(c.occurred_on, 'YYYY-MM-DD') as occurred_on
      from conversations c
      join entities g on g.id = c.team_id
      left join entities p on p.id = c.platform_team_id
     where c.occurred_on <= ${until}::date ${since === undefined ? sql`` : sql`and c.occurred_on >= ${since}::date`}`.execute(
    db,
  );
  return result.rows.map((r) => ({ teamRef: r.team_ref, platformTeam: r.platform_team, occurredOn: r.occurred_on }));
}

/** Open pains per team at `at`: opened by then and not resolved by then. */
export async function openPainsByTeam(db: Db, at: Date): Promise<Map<number, number>> {
  const result = await sql<{ team_id: number; n: number }>`
    select team_id, count(*)::int as n from feedback
     where kind = 'pain' and team_id is not null and opened_at <= ${at} and (closed_at is null or closed_at > ${at})
     group by team_id`.execute(db);
  return new Map(result.rows.map((r) => [r.team_id, r.n]));
}
