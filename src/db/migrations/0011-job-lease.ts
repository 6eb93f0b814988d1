import { sql, type Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// A running job holds a lease that its worker renews while the handler runs; a job whose lease ran out (its worker
// died) goes back to the queue. Jobs claimed before this migration have no lease: they count as expired 10 minutes
// after they were locked, as the stale sweep had it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table jobs add column lease_expires_at timestamptz`.execute(db);
  await sql`create index jobs_running on jobs (lease_expires_at) where status = 'running'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists jobs_running`.execute(db);
  await sql`alter table jobs drop column lease_expires_at`.execute(db);
}
