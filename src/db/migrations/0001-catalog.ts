import { sql, type Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table entities (
      id bigint generated always as identity primary key,
      ref text not null unique,
      kind text not null,
      namespace text not null,
      name text not null,
      title text,
      description text,
      owner_ref text,
      type text,
      lifecycle text,
      parent_ref text,
      system_ref text,
      metadata jsonb not null default '{}',
      spec jsonb not null default '{}',
      source text not null,
      location text,
      status text not null default 'active' check (status in ('active', 'orphaned')),
      content_hash text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      orphaned_at timestamptz,
      search tsvector generated always as (
        to_tsvector('simple', name || ' ' || coalesce(title, '') || ' ' || coalesce(description, ''))
      ) stored
    )`.execute(db);
  await sql`create index entities_kind_name on entities (kind, name, id)`.execute(db);
  await sql`create index entities_kind_owner on entities (kind, owner_ref, name, id)`.execute(db);
  await sql`create index entities_source on entities (source)`.execute(db);
  await sql`create index entities_search on entities using gin (search)`.execute(db);

  await sql`
    create table entity_relations (
      source_id bigint not null references entities (id) on delete cascade,
      type text not null,
      target_ref text not null,
      primary key (source_id, type, target_ref)
    )`.execute(db);
  await sql`create index entity_relations_target on entity_relations (target_ref, type)`.execute(db);

  await sql`
    create table imports (
      id bigint generated always as identity primary key,
      kind text not null,
      source text not null,
      status text not null check (status in ('queued', 'running', 'succeeded', 'rejected', 'failed')),
      skip_invalid boolean not null default false,
      summary jsonb,
      problems jsonb not null default '[]',
      warnings jsonb not null default '[]',
      error text,
      requested_by text,
      created_at timestamptz not null default now(),
      finished_at timestamptz
    )`.execute(db);

  await sql`
    create table entity_events (
      id bigint generated always as identity primary key,
      entity_id bigint not null references entities (id) on delete cascade,
      import_id bigint references imports (id),
      action text not null check (action in ('created', 'updated', 'orphaned', 'restored')),
      at timestamptz not null default now(),
      actor text
    )`.execute(db);
  await sql`create index entity_events_entity on entity_events (entity_id, at)`.execute(db);

  await sql`
    create table api_tokens (
      id bigint generated always as identity primary key,
      name text not null,
      role text not null check (role in ('admin', 'member', 'viewer')),
      scopes jsonb not null default '[]',
      token_hash text not null unique,
      team_ref text,
      created_by text,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      expires_at timestamptz,
      revoked_at timestamptz
    )`.execute(db);

  await sql`
    create table sessions (
      id_hash text primary key,
      method text not null check (method in ('token', 'password', 'oidc')),
      token_id bigint references api_tokens (id),
      subject text not null,
      role text not null check (role in ('admin', 'member', 'viewer')),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      revoked_at timestamptz
    )`.execute(db);

  await sql`
    create table jobs (
      id bigint generated always as identity primary key,
      type text not null,
      payload jsonb not null default '{}',
      status text not null default 'queued' check (status in ('queued', 'running', 'succeeded', 'failed')),
      attempts integer not null default 0,
      max_attempts integer not null default 5,
      run_at timestamptz not null default now(),
      locked_at timestamptz,
      locked_by text,
      last_error text,
      result jsonb,
      created_at timestamptz not null default now(),
      finished_at timestamptz
    )`.execute(db);
  await sql`create index jobs_ready on jobs (run_at) where status = 'queued'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['jobs', 'sessions', 'api_tokens', 'entity_events', 'imports', 'entity_relations', 'entities']) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
