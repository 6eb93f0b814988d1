/**
 * Bulk-loads delivery facts straight into the tables with SQL (no API), at a stated scale: every catalog service
 * gets the same number of production deployments spread over HISTORY_DAYS, two commits per deployment, and
 * incidents at random times. About 3 % of deployments roll back to an older commit (they ship nothing, and the
 * next one ships what they skipped) and a third of the last 10 days' incidents are still open, so every rule of DOMAIN.md is exercised.
 */
import { sql } from 'kysely';
import type { Db } from '../../src/db/schema/index.js';

export const HISTORY_DAYS = 730;
export const COMMITS_PER_DEPLOYMENT = 2;

export interface FactScale {
  deployments: number;
  incidents: number;
}

export interface LoadedFacts {
  deployments: number;
  changes: number;
  incidents: number;
  ms: number;
}

/** Catalog services as (id, n): n is the number in the service's name (svc-0042 → 42). */
const services = sql`(select id, substring(name from 5)::int as n from entities where kind = 'Component' and name like 'svc-%')`;

/** When deployment k of service n finished: evenly spaced, with a deterministic jitter inside its slot. */
const finishedAt = (end: Date, perService: number, k: string) => {
  const step = (HISTORY_DAYS * 86_400) / perService;
  return sql`(${end.toISOString()}::timestamptz - interval '${sql.raw(String(HISTORY_DAYS))} days'
    + (${sql.raw(k)} - 1 + 0.1 + 0.8 * ((s.n * 31 + ${sql.raw(k)} * 17) % 1000) / 1000.0) * interval '${sql.raw(String(step))} seconds')`;
};

/** Loads the facts for the services already in the catalog, history ending at `end`; refreshes planner statistics. */
export async function loadFacts(db: Db, scale: FactScale, end: Date): Promise<LoadedFacts> {
  const started = performance.now();
  const count = (await sql<{ n: number }>`select count(*)::int as n from ${services} s`.execute(db)).rows[0]?.n ?? 0;
  if (count === 0) throw new Error('no svc-NNNN services in the catalog');
  const perService = Math.max(1, Math.round(scale.deployments / count));
  const incidentsPerService = Math.max(1, Math.round(scale.incidents / count));
  await db.transaction().execute(async (tx) => {
    await sql`select setseed(0.42)`.execute(tx);
    // Deployment k ships commits 2k-1 and 2k; a rollback deploys commit 2(k-2) again.
    await sql`
      insert into deployments (source, external_id, repository, service_id, environment, commit_sha, finished_at)
      select 'api', 'bench-' || s.n || '-' || k, 'bench/svc-' || lpad(s.n::text, 4, '0'), s.id, 'production',
             md5(s.n || ':' || case when k > 2 and (s.n * 7919 + k * 104729) % 100 < 3 then ${COMMITS_PER_DEPLOYMENT} * (k - 2) else ${COMMITS_PER_DEPLOYMENT} * k end),
             ${finishedAt(end, perService, 'k')}
      from ${services} s cross join generate_series(1, ${perService}) k`.execute(tx);
    // Commit j belongs to deployment ceil(j / 2) and was made 30 minutes to 67 hours before it; 1 % after it.
    await sql`
      insert into changes (source, repository, service_id, commit_sha, committed_at, position)
      select 'api', 'bench/svc-' || lpad(s.n::text, 4, '0'), s.id, md5(s.n || ':' || j),
             ${finishedAt(end, perService, `((j + ${COMMITS_PER_DEPLOYMENT} - 1) / ${COMMITS_PER_DEPLOYMENT})`)}
               - interval '1 minute' * case when (s.n * 131 + j * 977) % 100 = 0 then -10 else 30 + (s.n * 131 + j * 977) % 4000 end,
             j
      from ${services} s cross join generate_series(1, ${perService * COMMITS_PER_DEPLOYMENT}) j`.execute(tx);
    // Incidents at random times; those of the last 10 days are open one time in three.
    await sql`
      insert into incidents (source, external_id, service_id, title, severity, cause_tags, triggered_at, resolved_at)
      select 'api', 'bench-' || x.n || '-' || x.i, x.id, 'Error rate above threshold', 'P' || (1 + (x.n + x.i) % 4), '[]', x.t,
             case when x.t > ${end.toISOString()}::timestamptz - interval '10 days' and x.r < 1 / 3.0 then null
                  else x.t + interval '1 second' * (300 + -ln(1 - x.d) * 7200) end
      from (select s.id, s.n, i, ${end.toISOString()}::timestamptz - random() * interval '${sql.raw(String(HISTORY_DAYS))} days' as t, random() as r, random() as d
            from ${services} s cross join generate_series(1, ${incidentsPerService}) i) x`.execute(tx);
  });
  await sql`analyze deployments, changes, incidents`.execute(db);
  const totals = (await sql<{ d: number; c: number; i: number }>`
    select (select count(*) from deployments)::int as d, (select count(*) from changes)::int as c, (select count(*) from incidents)::int as i`.execute(db)).rows[0];
  return { deployments: totals?.d ?? 0, changes: totals?.c ?? 0, incidents: totals?.i ?? 0, ms: performance.now() - started };
}
