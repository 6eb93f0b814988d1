import { sql, type Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// Indexes the DORA queries walk (src/modules/delivery/dora-sql.ts), each covering the columns it reads so the
// server answers from the index alone:
// - a service's production deployments in time order (the period's deployments, the attribution of an incident to
//   the latest deployment before it), and by commit (was this commit deployed before a given time?);
// - a service's commits in branch order (the commits a deployment ships, from the highest one shipped before),
//   and by sha (the branch position of a deployed commit);
// - a service's incidents in trigger order with their resolve time (which were open when a deployment finished).
// The three indexes of 0004 they replace had the same leading columns without the covered ones.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index deployments_service_time on deployments (service_id, finished_at, id) include (commit_sha, environment)`.execute(
    db,
  );
  await sql`create index deployments_service_commit on deployments (service_id, commit_sha, finished_at) include (environment)`.execute(
    db,
  );
  await sql`drop index deployments_service`.execute(db);
  await sql`create index changes_service_position on changes (service_id, position) include (commit_sha, committed_at)`.execute(
    db,
  );
  await sql`create index changes_service_commit on changes (service_id, commit_sha) include (position)`.execute(db);
  await sql`drop index changes_service`.execute(db);
  await sql`create index incidents_service_time on incidents (service_id, triggered_at) include (resolved_at)`.execute(
    db,
  );
  await sql`drop index incidents_service`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create index if not exists deployments_service on deployments (service_id, finished_at)`.execute(db);
  await sql`create index if not exists changes_service on changes (service_id, position)`.execute(db);
  await sql`create index if not exists incidents_service on incidents (service_id, triggered_at)`.execute(db);
  for (const index of [
    'deployments_service_time',
    'deployments_service_commit',
    'changes_service_position',
    'changes_service_commit',
    'incidents_service_time',
  ]) {
    await sql`drop index if exists ${sql.id(index)}`.execute(db);
  }
}
