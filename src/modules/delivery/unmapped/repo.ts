import { sql, type Kysely, type RawBuilder } from 'kysely';
import { inTransaction } from '../../../db/transaction.js';
import type { Database, Db } from '../../../db/schema/index.js';
import { SERVICE_ANNOTATION } from '../../catalog/service-mapping/annotations.js';
import { servicesByAnnotationTable } from '../../catalog/service-mapping/repo.js';

export type UnmappedSource = 'github' | 'gitlab' | 'pagerduty';

export interface UnmappedName {
  source: UnmappedSource;
  name: string;
  annotation: (typeof SERVICE_ANNOTATION)[UnmappedSource];
  deployments: number;
  changes: number;
  incidents: number;
  lastSeen: string;
}

export interface RemapCounts {
  deployments: number;
  changes: number;
  incidents: number;
}

/**
 * Facts from the senders that map to no service, grouped by the sender's name for them (repository slug or
 * PagerDuty service id); the most recently seen first (by the facts' own times). Facts from the generic API
 * always name a service, so they are never unmapped.
 */
export async function listUnmapped(db: Db): Promise<UnmappedName[]> {
  const { rows } = await sql<{
    source: UnmappedSource;
    name: string;
    deployments: number;
    changes: number;
    incidents: number;
    last_seen: Date | string;
  }>`
    select source, name, sum(deployments)::int as deployments, sum(changes)::int as changes, sum(incidents)::int as incidents, max(last_seen) as last_seen
    from (
      select source, repository as name, count(*) as deployments, 0 as changes, 0 as incidents, max(finished_at) as last_seen
      from deployments where service_id is null and source in ('github', 'gitlab') and repository is not null group by source, repository
      union all
      select source, repository, 0, count(*), 0, max(committed_at)
      from changes where service_id is null and source in ('github', 'gitlab') group by source, repository
      union all
      select source, external_service, 0, 0, count(*), max(triggered_at)
      from incidents where service_id is null and source in ('github', 'gitlab', 'pagerduty') and external_service is not null group by source, external_service
    ) facts
    group by source, name
    order by max(last_seen) desc, source, name`.execute(db);
  return rows.map((r) => ({
    source: r.source,
    name: r.name,
    annotation: SERVICE_ANNOTATION[r.source],
    deployments: r.deployments,
    changes: r.changes,
    incidents: r.incidents,
    lastSeen: new Date(r.last_seen).toISOString(),
  }));
}

/** Facts to map again: mapped to nothing, or to a service that has since left the catalog (orphaned). */
const needsService = (alias: string) =>
  sql`(${sql.ref(`${alias}.service_id`)} is null or not exists (select 1 from entities e where e.id = ${sql.ref(`${alias}.service_id`)} and e.status = 'active'))`;

async function countUpdated(db: Db, update: RawBuilder<unknown>): Promise<number> {
  const { rows } = await sql<{
    n: number;
  }>`with updated as (${update} returning 1) select count(*)::int as n from updated`.execute(db);
  return rows[0]?.n ?? 0;
}

/**
 * Maps facts again with the catalog's current annotations, in one statement per table and sender: a fact that
 * maps to no active service gets the service whose annotation names it now. Facts with no such service are left
 * as they are. Returns how many facts gained a service.
 */
export async function remapFacts(db: Kysely<Database>): Promise<RemapCounts> {
  return inTransaction(db, async (tx) => {
    const counts: RemapCounts = { deployments: 0, changes: 0, incidents: 0 };
    for (const source of ['github', 'gitlab'] as const) {
      const targets = servicesByAnnotationTable(source);
      for (const table of ['deployments', 'changes'] as const) {
        counts[table] += await countUpdated(
          tx,
          sql`update ${sql.table(table)} f set service_id = t.id from ${targets} t
              where f.source = ${source} and lower(f.repository) = t.name and ${needsService('f')}`,
        );
      }
      // Incidents from issues name their repository as their outside service.
      counts.incidents += await countUpdated(
        tx,
        sql`update incidents f set service_id = t.id from ${targets} t
            where f.source = ${source} and lower(f.external_service) = t.name and ${needsService('f')}`,
      );
    }
    // PagerDuty ids are compared exactly, as the webhook derivation does.
    counts.incidents += await countUpdated(
      tx,
      sql`update incidents f set service_id = t.id from ${servicesByAnnotationTable('pagerduty')} t
          where f.source = 'pagerduty' and f.external_service = t.name and ${needsService('f')}`,
    );
    return counts;
  });
}
