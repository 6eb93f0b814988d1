/**
 * The reference: the same DORA computation written by hand as one SQL query, the way one would without Paved.
 * It reads each rule of DOMAIN.md straight off the tables (a deployment's shipped commits from every earlier
 * deployment of the service, a window function over the whole history), so it also checks the API's numbers.
 * It runs with JIT compilation off, as the API's queries do (on PostgreSQL JIT would add up to seconds to both).
 */
import { sql } from 'kysely';
import type { Db } from '../../src/db/schema/index.js';

export interface ReferenceDora {
  deployments: number;
  lead_median: number | null;
  lead_n: number;
  failed: number;
  recovery_median: number | null;
  recovery_n: number;
  rework: number;
  incident_median: number | null;
  incident_n: number;
  unresolved: number;
}

/** DORA totals of [from, to) for every service, or for the services a team owns (`teamRef`). */
export async function referenceDora(db: Db, teamRef: string | null, from: Date, to: Date): Promise<ReferenceDora> {
  const f = from.toISOString();
  const t = to.toISOString();
  const query = sql<ReferenceDora>`
    with
    scope as (select id from entities where kind = 'Component' and (${teamRef}::text is null or owner_ref = ${teamRef}::text)),
    deployed as (
      select d.id, d.service_id, d.finished_at,
             (select max(c.position) from changes c where c.service_id = d.service_id and c.commit_sha = d.commit_sha) as target
      from deployments d join scope on scope.id = d.service_id
      where d.environment ~* '^(production|prod)$' and d.finished_at < ${t}::timestamptz
    ),
    ordered as (
      select *, max(target) over (partition by service_id order by finished_at, id rows between unbounded preceding and 1 preceding) as shipped_before
      from deployed
    ),
    period as (select * from ordered where finished_at >= ${f}::timestamptz),
    lead as (
      select extract(epoch from p.finished_at - c.committed_at)::float8 / 3600 as hours
      from period p join changes c on c.service_id = p.service_id and c.position <= p.target and (p.shipped_before is null or c.position > p.shipped_before)
    ),
    attributed as (
      select i.id, i.triggered_at, i.resolved_at, latest.id as deployment_id
      from incidents i join scope on scope.id = i.service_id
      left join lateral (
        select d.id, d.finished_at from deployments d
        where d.service_id = i.service_id and d.environment ~* '^(production|prod)$' and d.finished_at < i.triggered_at
        order by d.finished_at desc, d.id desc limit 1
      ) latest on i.triggered_at - latest.finished_at <= interval '7 days'
      where i.triggered_at >= ${f}::timestamptz and i.triggered_at < ${t}::timestamptz + interval '7 days'
    ),
    failed as (
      select p.id, min(a.triggered_at) as first_triggered, max(a.resolved_at) as last_resolved, bool_and(a.resolved_at is not null) as resolved
      from period p join attributed a on a.deployment_id = p.id group by p.id
    ),
    rework as (
      select p.id from period p
      where exists (select 1 from incidents i where i.service_id = p.service_id and i.triggered_at <= p.finished_at and (i.resolved_at is null or p.finished_at <= i.resolved_at))
    ),
    recovered as (
      select extract(epoch from resolved_at - triggered_at)::float8 / 3600 as hours from attributed where triggered_at < ${t}::timestamptz
    )
    select
      (select count(*)::int from period) as deployments,
      (select percentile_cont(0.5) within group (order by hours) from lead where hours > 0) as lead_median,
      (select count(*)::int from lead where hours > 0) as lead_n,
      (select count(*)::int from failed) as failed,
      (select percentile_cont(0.5) within group (order by extract(epoch from last_resolved - first_triggered)::float8 / 3600) from failed where resolved) as recovery_median,
      (select count(*)::int from failed where resolved) as recovery_n,
      (select count(*)::int from rework) as rework,
      (select percentile_cont(0.5) within group (order by hours) from recovered) as incident_median,
      (select count(hours)::int from recovered) as incident_n,
      (select (count(*) - count(hours))::int from recovered) as unresolved`;
  const result = await db.transaction().execute(async (tx) => {
    await sql`set local jit = off`.execute(tx);
    return query.execute(tx);
  });
  const row = result.rows[0];
  if (!row) throw new Error('the reference query returned no row');
  return row;
}
