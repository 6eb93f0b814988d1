import { sql, type Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// Raw deliveries are kept as received; the fact tables are derived from them (or from the generic API) and can be
// rebuilt. Facts that map to no service keep the outside name so they can be listed as unmapped and re-mapped.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table deliveries (
      id bigint generated always as identity primary key,
      source text not null check (source in ('github', 'gitlab', 'pagerduty')),
      delivery_id text not null,
      event text not null,
      headers jsonb not null default '{}',
      body text not null,
      received_at timestamptz not null default now(),
      status text not null default 'pending' check (status in ('pending', 'processed', 'ignored', 'failed')),
      error text,
      processed_at timestamptz,
      unique (source, delivery_id)
    )`.execute(db);
  await sql`create index deliveries_status on deliveries (status, id)`.execute(db);

  await sql`
    create table deployments (
      id bigint generated always as identity primary key,
      source text not null,
      external_id text not null,
      repository text,
      service_id bigint references entities (id),
      environment text not null,
      commit_sha text,
      finished_at timestamptz not null,
      delivery_id bigint references deliveries (id),
      unique (source, external_id)
    )`.execute(db);
  await sql`create index deployments_service on deployments (service_id, finished_at)`.execute(db);

  await sql`
    create table changes (
      id bigint generated always as identity primary key,
      source text not null,
      repository text not null,
      service_id bigint references entities (id),
      commit_sha text not null,
      committed_at timestamptz not null,
      position bigint not null,
      delivery_id bigint references deliveries (id),
      unique (repository, commit_sha)
    )`.execute(db);
  await sql`create index changes_service on changes (service_id, position)`.execute(db);

  await sql`
    create table incidents (
      id bigint generated always as identity primary key,
      source text not null,
      external_id text not null,
      service_id bigint references entities (id),
      external_service text,
      title text,
      severity text,
      cause_tags jsonb not null default '[]',
      triggered_at timestamptz not null,
      resolved_at timestamptz,
      delivery_id bigint references deliveries (id),
      unique (source, external_id)
    )`.execute(db);
  await sql`create index incidents_service on incidents (service_id, triggered_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['incidents', 'changes', 'deployments', 'deliveries']) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
