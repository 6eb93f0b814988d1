import { sql } from 'kysely';
import type { Db } from '../../../db/schema/index.js';
import { inTransaction } from '../../../db/transaction.js';
import { factTables, shippedCommits, type FactWindow } from './dora-sql.js';

/** Service ids in a scope: one service, a team's services, or every service. */
export async function serviceIdsInScope(
  db: Db,
  scope: { kind: 'org' } | { kind: 'team'; ref: string } | { kind: 'service'; ref: string },
) {
  let q = db.selectFrom('entities').select('id').where('kind', '=', 'Component');
  if (scope.kind === 'team') q = q.where('owner_ref', '=', scope.ref);
  if (scope.kind === 'service') q = q.where('ref', '=', scope.ref);
  return (await q.execute()).map((r) => r.id);
}

/**
 * Runs a DORA query with PostgreSQL's JIT compilation off. The queries are index probes, which JIT does not speed up,
 * and their cost estimates (far above the real cost) would otherwise have the server spend up to seconds compiling
 * them on every request. PGlite has no JIT, but knows the setting.
 */
async function withoutJit<T>(db: Db, run: (db: Db) => Promise<T>): Promise<T> {
  return inTransaction(db, async (tx) => {
    await sql`set local jit = off`.execute(tx);
    return run(tx);
  });
}

/** Per period bucket: what the DORA numbers are made of, straight from the fact tables. */
export interface DoraTotalsRow {
  bucket: Date | string;
  deployments: number | null;
  failed: number | null;
  rework: number | null;
  recovery_median: number | null;
  recovery_n: number | null;
  lead_median: number | null;
  lead_n: number | null;
  incident_median: number | null;
  incident_n: number | null;
  unresolved: number | null;
}

/**
 * The totals of [from, to), one row per calendar week or month (UTC) when `interval` is given, else one row.
 * Medians are percentile_cont(0.5): of an even count, the mean of the two middle values (DOMAIN.md).
 */
export async function doraTotals(
  db: Db,
  window: FactWindow,
  interval: 'week' | 'month' | null,
): Promise<DoraTotalsRow[]> {
  const bucket = (at: string) =>
    interval ? sql`date_trunc(${interval}, ${sql.ref(at)}, 'UTC')` : sql`${window.from.toISOString()}::timestamptz`;
  const query = sql<DoraTotalsRow>`
    with ${factTables(window)},
    deployment_totals as (
      select ${bucket('d.finished_at')} as bucket, count(*)::int as deployments, (count(*) filter (where d.failed))::int as failed,
             (count(*) filter (where d.rework))::int as rework,
             percentile_cont(0.5) within group (order by d.recovery_hours) as recovery_median, count(d.recovery_hours)::int as recovery_n
      from deployment_facts d group by 1
    ),
    lead_totals as (
      select ${bucket('d.finished_at')} as bucket, percentile_cont(0.5) within group (order by s.lead_hours) as lead_median, count(*)::int as lead_n
      from deployment_facts d cross join lateral ${shippedCommits('d')} s
      where s.lead_hours > 0 group by 1
    ),
    incident_totals as (
      select ${bucket('i.triggered_at')} as bucket,
             percentile_cont(0.5) within group (order by i.recovery_hours) as incident_median,
             count(i.recovery_hours)::int as incident_n, (count(*) - count(i.resolved_at))::int as unresolved
      from attributed i where i.triggered_at < ${window.to.toISOString()}::timestamptz group by 1
    )
    select * from deployment_totals full join lead_totals using (bucket) full join incident_totals using (bucket)`;
  return (await withoutJit(db, (tx) => query.execute(tx))).rows;
}

/** Where a page starts: after the row with this time (microseconds since 1970, as stored) and id, newest first. */
export interface After {
  us: number;
  id: number;
}

const microseconds = (column: string) => sql<number>`(extract(epoch from ${sql.ref(column)}) * 1000000)::bigint`;
const before = (column: string, after: After, id: string) =>
  sql`(${sql.ref(column)}, ${sql.ref(id)}) < (timestamptz 'epoch' + ${after.us} * interval '1 microsecond', ${after.id})`;

/** A service and its team (the owning group), as the lists show them. */
const serviceAndTeam = sql`
  svc.ref as service_ref, svc.name as service_name, team.ref as team_ref, team.name as team_name`;
const joinServiceAndTeam = (serviceId: string) => sql`
  join entities svc on svc.id = ${sql.ref(serviceId)}
  left join entities team on team.ref = svc.owner_ref and team.kind = 'Group' and team.status = 'active'`;

export interface DeploymentFactRow {
  id: number;
  source: string;
  external_id: string;
  repository: string | null;
  environment: string;
  commit_sha: string | null;
  finished_at: Date | string;
  cursor_us: number;
  service_ref: string;
  service_name: string;
  team_ref: string | null;
  team_name: string | null;
  shipped: number;
  lead_median: number | null;
  failed: boolean;
  recovery_hours: number | null;
  rework: boolean;
  incidents: { id: number; title: string | null; triggered_at: string; resolved_at: string | null }[];
}

/** A page of the period's production deployments with their facts, newest first (`limit` rows at most). */
export async function listDeploymentFacts(
  db: Db,
  window: FactWindow,
  filter: { failed?: boolean | undefined; rework?: boolean | undefined; after?: After | undefined; limit: number },
) {
  const conditions = [sql`true`];
  if (filter.failed !== undefined) conditions.push(sql`d.failed = ${filter.failed}`);
  if (filter.rework !== undefined) conditions.push(sql`d.rework = ${filter.rework}`);
  if (filter.after) conditions.push(before('d.finished_at', filter.after, 'd.id'));
  // The page is chosen first, so the commits and incidents are read for its rows only.
  const query = sql<DeploymentFactRow>`
    with ${factTables(window)},
    page as (
      select * from deployment_facts d where ${sql.join(conditions, sql` and `)}
      order by d.finished_at desc, d.id desc limit ${filter.limit}
    )
    select d.id, dep.source, dep.external_id, dep.repository, dep.environment, d.commit_sha, d.finished_at, ${microseconds('d.finished_at')} as cursor_us, ${serviceAndTeam},
           s.shipped, s.lead_median, d.failed, d.recovery_hours, d.rework, i.incidents
    from page d
    join deployments dep on dep.id = d.id
    ${joinServiceAndTeam('d.service_id')}
    cross join lateral (
      select count(*)::int as shipped, percentile_cont(0.5) within group (order by c.lead_hours) filter (where c.lead_hours > 0) as lead_median
      from ${shippedCommits('d')} c
    ) s
    cross join lateral (
      select coalesce(json_agg(json_build_object('id', a.id, 'title', inc.title, 'triggered_at', a.triggered_at, 'resolved_at', a.resolved_at)
                               order by a.triggered_at, a.id), '[]') as incidents
      from attributed a join incidents inc on inc.id = a.id where a.deployment_id = d.id
    ) i
    order by d.finished_at desc, d.id desc`;
  return (await withoutJit(db, (tx) => query.execute(tx))).rows;
}

export interface IncidentFactRow {
  id: number;
  source: string;
  external_id: string;
  title: string | null;
  severity: string | null;
  cause_tags: string[];
  triggered_at: Date | string;
  trigger_time_known: boolean;
  resolved_at: Date | string | null;
  url: string | null;
  recovery_hours: number | null;
  cursor_us: number;
  service_ref: string;
  service_name: string;
  team_ref: string | null;
  team_name: string | null;
  deployment_id: number | null;
  deployment_finished_at: Date | string | null;
  deployment_commit: string | null;
}

/** A page of the incidents triggered in the period, with the deployment each is attributed to, newest first. */
export async function listIncidentFacts(
  db: Db,
  window: FactWindow,
  filter: { status?: 'open' | 'resolved' | undefined; after?: After | undefined; limit: number },
) {
  const conditions = [sql`a.triggered_at < ${window.to.toISOString()}::timestamptz`];
  if (filter.status)
    conditions.push(filter.status === 'open' ? sql`a.resolved_at is null` : sql`a.resolved_at is not null`);
  if (filter.after) conditions.push(before('a.triggered_at', filter.after, 'a.id'));
  const query = sql<IncidentFactRow>`
    with ${factTables(window)},
    page as (
      select * from attributed a where ${sql.join(conditions, sql` and `)}
      order by a.triggered_at desc, a.id desc limit ${filter.limit}
    )
    select a.id, inc.source, inc.external_id, inc.title, inc.severity, inc.cause_tags, a.triggered_at, a.trigger_time_known, a.resolved_at, inc.url, a.recovery_hours, ${microseconds('a.triggered_at')} as cursor_us, ${serviceAndTeam},
           dep.id as deployment_id, dep.finished_at as deployment_finished_at, dep.commit_sha as deployment_commit
    from page a
    join incidents inc on inc.id = a.id
    ${joinServiceAndTeam('a.service_id')}
    left join deployments dep on dep.id = a.deployment_id
    order by a.triggered_at desc, a.id desc`;
  return (await withoutJit(db, (tx) => query.execute(tx))).rows;
}
