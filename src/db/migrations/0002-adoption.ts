import { sql, type Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table scans (
      id bigint generated always as identity primary key,
      root text not null,
      history boolean not null default false,
      status text not null check (status in ('queued', 'running', 'succeeded', 'failed')),
      summary jsonb,
      problems jsonb not null default '[]',
      requested_by text,
      created_at timestamptz not null default now(),
      finished_at timestamptz
    )`.execute(db);

  await sql`
    create table repositories (
      id bigint generated always as identity primary key,
      path text not null unique,
      name text not null,
      remote_url text,
      service_id bigint references entities (id),
      head text,
      head_date timestamptz,
      last_scan_id bigint references scans (id),
      last_scanned_at timestamptz,
      last_error text
    )`.execute(db);
  await sql`create index repositories_service on repositories (service_id)`.execute(db);

  // One row per repository and capability ever matched: its current state and when it began.
  await sql`
    create table detections (
      repository_id bigint not null references repositories (id) on delete cascade,
      capability_id bigint not null references entities (id),
      matched boolean not null,
      evidence jsonb not null default '[]',
      commit text not null,
      commit_date timestamptz not null,
      adopted_at timestamptz not null,
      adoption_commit text,
      from_history boolean not null default false,
      unmatched_since timestamptz,
      updated_at timestamptz not null default now(),
      primary key (repository_id, capability_id)
    )`.execute(db);
  await sql`create index detections_capability on detections (capability_id)`.execute(db);

  await sql`
    create table usage_events (
      id bigint generated always as identity primary key,
      event_id text unique,
      capability_id bigint not null references entities (id),
      service_id bigint references entities (id),
      team_id bigint references entities (id),
      actor text,
      action text,
      occurred_at timestamptz not null,
      count integer not null default 1 check (count > 0),
      received_at timestamptz not null default now(),
      check (service_id is not null or team_id is not null)
    )`.execute(db);
  await sql`create index usage_events_capability_service on usage_events (capability_id, service_id, occurred_at)`.execute(
    db,
  );
  await sql`create index usage_events_capability_team on usage_events (capability_id, team_id, occurred_at)`.execute(
    db,
  );

  await sql`
    create table declarations (
      id bigint generated always as identity primary key,
      capability_id bigint not null references entities (id),
      team_id bigint not null references entities (id),
      status text not null check (status in ('using', 'stopped')),
      effective_at timestamptz not null,
      note text,
      declared_by text,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index declarations_capability on declarations (capability_id, team_id, effective_at)`.execute(db);

  await sql`
    create table mandates (
      id bigint generated always as identity primary key,
      capability_id bigint not null references entities (id),
      scope text not null check (scope in ('all', 'teams')),
      team_refs jsonb not null default '[]',
      effective_from timestamptz not null,
      deadline timestamptz,
      note text,
      created_by text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index mandates_capability on mandates (capability_id)`.execute(db);

  // "Aware" in the adoption funnel: someone of a team looked at the capability or its release notes.
  await sql`
    create table capability_views (
      id bigint generated always as identity primary key,
      capability_id bigint not null references entities (id),
      team_ref text,
      subject text not null,
      kind text not null check (kind in ('page', 'release-notes')),
      viewed_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index capability_views_capability on capability_views (capability_id, team_ref)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'capability_views',
    'mandates',
    'declarations',
    'usage_events',
    'detections',
    'repositories',
    'scans',
  ]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
