import { sql, type Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// The audit trail: one row per write (an entity changed, an import or webhook delivery run, a token issued), who made
// it and through which channel, and the changed fields before and after (secrets redacted before they get here).
// Append-only: nothing updates or deletes a row. No foreign keys: the trail outlives the tokens and entities it names.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table audit_log (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      actor text not null,
      person text,
      token_id bigint,
      channel text not null check (channel in ('api', 'ui', 'cli', 'webhook', 'job')),
      action text not null,
      entity_kind text not null,
      entity_id text,
      entity_ref text,
      summary text not null,
      changes jsonb
    )`.execute(db);
  await sql`create index audit_log_at on audit_log (at)`.execute(db);
  await sql`create index audit_log_actor on audit_log (lower(actor), id)`.execute(db);
  await sql`create index audit_log_entity on audit_log (entity_kind, entity_ref, id)`.execute(db);
  await sql`create index audit_log_ref on audit_log (entity_ref, id) where entity_ref is not null`.execute(db);
  await sql`create index audit_log_action on audit_log (action, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists audit_log`.execute(db);
}
