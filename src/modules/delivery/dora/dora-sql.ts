import { sql, type RawBuilder } from 'kysely';

/** Whose facts count (one service, a team's services, or every service) and the period [from, to). */
export interface FactWindow {
  serviceIds: number[];
  from: Date;
  to: Date;
  /** Which environments are production (`productionPattern`). */
  production: string;
}

/** Hours between two timestamptz expressions, as float8 (the same arithmetic as JavaScript's on milliseconds). */
export const hoursBetween = (later: RawBuilder<unknown>, earlier: RawBuilder<unknown>) =>
  sql<number>`extract(epoch from ${later} - ${earlier})::float8 / 3600`;

/**
 * The delivery facts of DOMAIN.md as common table expressions, the only definition of each rule; the metrics, the
 * series and the drill-down lists all select from them, so a number and the list behind it cannot disagree.
 *
 * - `period_deployments`: production deployments that finished in [from, to), with `target`, the branch position
 *   of the deployed commit (null when the commit is unknown: it ships nothing).
 * - `deploys`: the same with `shipped_after`, the highest position any earlier production deployment of the
 *   service shipped, before the period or in it. A deployment ships the commits in (shipped_after, target].
 * - `attributed`: incidents triggered in [from, to + 7 days) with `recovery_hours` (null while open, and while the
 *   trigger time is not known: `triggered_at` is then only the latest it can have been, which still places the
 *   incident in a period and attributes it, but would make up a recovery time) and
 *   `deployment_id`, the latest production deployment of their service that finished before the trigger, if at most
 *   7 days before (null otherwise).
 * - `deployment_facts`: `deploys` with `failed` (at least one attributed incident), `recovery_hours` (first
 *   trigger to last resolve of its incidents; null unless failed and all resolved with known trigger times) and `rework` (finished while an
 *   incident of the service was open: triggered <= finished <= resolved, or never resolved).
 */
export function factTables({ serviceIds, from, to, production: pattern }: FactWindow) {
  const ids = sql`${serviceIds}::bigint[]`;
  const start = sql`${from.toISOString()}::timestamptz`;
  const end = sql`${to.toISOString()}::timestamptz`;
  const production = (alias: string) => sql`${sql.ref(`${alias}.environment`)} ~* ${pattern}`;
  return sql`
    period_deployments as (
      select d.id, d.service_id, d.finished_at, d.commit_sha,
             (select max(c.position) from changes c where c.service_id = d.service_id and c.commit_sha = d.commit_sha) as target
      from deployments d
      where d.service_id = any(${ids}) and d.finished_at >= ${start} and d.finished_at < ${end} and ${production('d')}
    ),
    -- The highest position shipped before the period is the highest commit deployed before it. Walking the branch
    -- down from its newest commit stops at the first one deployed before the period, so this reads the commits
    -- made since then rather than the service's whole history. (The probes are scalar subqueries with a limit, which
    -- the planner keeps as a walk instead of turning them into a join over every commit.)
    shipped_before as (
      select s.id as service_id,
             (select c.position from changes c
              where c.service_id = s.id
                and (select true from deployments d
                     where d.service_id = s.id and d.commit_sha = c.commit_sha and d.finished_at < ${start} and ${production('d')} limit 1)
              order by c.position desc limit 1) as position
      from unnest(${ids}) as s (id)
      where (select true from deployments d where d.service_id = s.id and d.finished_at < ${start} and ${production('d')} limit 1)
    ),
    deploys as (
      select p.*, greatest(b.position, max(p.target) over (partition by p.service_id order by p.finished_at, p.id rows between unbounded preceding and 1 preceding)) as shipped_after
      from period_deployments p left join shipped_before b on b.service_id = p.service_id
    ),
    attributed as (
      select i.id, i.service_id, i.triggered_at, i.trigger_time_known, i.resolved_at,
             case when i.trigger_time_known then ${hoursBetween(sql`i.resolved_at`, sql`i.triggered_at`)} end as recovery_hours, latest.id as deployment_id
      from incidents i
      left join lateral (
        select d.id, d.finished_at from deployments d
        where d.service_id = i.service_id and d.finished_at < i.triggered_at and ${production('d')}
        order by d.finished_at desc, d.id desc
        limit 1
      ) latest on latest.finished_at >= i.triggered_at - interval '7 days'
      where i.service_id = any(${ids}) and i.triggered_at >= ${start} and i.triggered_at < ${end} + interval '7 days'
    ),
    failures as (
      select deployment_id as id, min(triggered_at) as first_triggered, max(resolved_at) as last_resolved, count(*) - count(resolved_at) as open,
             count(*) filter (where not trigger_time_known) as trigger_unknown
      from attributed where deployment_id is not null group by deployment_id
    ),
    -- Open incidents on one timeline per service: the latest end (resolve time, or never) of the incidents triggered
    -- so far, before the period and in it, is at or after a deployment's finish exactly when one was open then.
    open_before as (
      select service_id, max(coalesce(resolved_at, 'infinity')) as until
      from incidents where service_id = any(${ids}) and triggered_at < ${start} group by service_id
    ),
    open_at as (
      select t.id, greatest(b.until, max(t.until) over (partition by t.service_id order by t.at, t.kind rows between unbounded preceding and current row)) as until
      from (
        select service_id, triggered_at as at, 0 as kind, coalesce(resolved_at, 'infinity') as until, null::bigint as id from attributed where triggered_at < ${end}
        union all
        select service_id, finished_at, 1, null, id from period_deployments
      ) t left join open_before b on b.service_id = t.service_id
    ),
    deployment_facts as (
      select d.id, d.service_id, d.finished_at, d.commit_sha, d.target, d.shipped_after,
             f.id is not null as failed,
             case when f.open = 0 and f.trigger_unknown = 0 then ${hoursBetween(sql`f.last_resolved`, sql`f.first_triggered`)} end as recovery_hours,
             coalesce(o.until >= d.finished_at, false) as rework
      from deploys d
      left join failures f on f.id = d.id
      left join open_at o on o.id = d.id
    )`;
}

/**
 * The commits a `deployment_facts` row (under `alias`) shipped, with their lead time in hours (may be <= 0), for a
 * lateral join. `offset 0` keeps it a range read of the service's commits per deployment: flattened into a plain
 * join, the planner may prefer hashing the deployments and reading every commit of every service.
 */
export function shippedCommits(alias: string) {
  const d = (column: string) => sql.ref(`${alias}.${column}`);
  return sql`
    (select c.commit_sha, ${hoursBetween(d('finished_at'), sql`c.committed_at`)} as lead_hours
     from changes c
     where c.service_id = ${d('service_id')} and c.position <= ${d('target')} and c.position > coalesce(${d('shipped_after')}, -9223372036854775808)
     offset 0)`;
}
