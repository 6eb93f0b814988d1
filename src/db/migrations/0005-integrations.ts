import { sql, type Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// Per-integration webhook secrets, next to the ones from the environment. The secret is kept as such, not hashed:
// GitHub and PagerDuty sign with it (HMAC), so verifying needs the secret itself. Each delivery records which
// integration verified it (null: an environment secret).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table integrations (
      id bigint generated always as identity primary key,
      provider text not null check (provider in ('github', 'gitlab', 'pagerduty')),
      name text not null,
      secret text not null,
      created_at timestamptz not null default now(),
      created_by text,
      last_delivery_at timestamptz,
      unique (provider, name)
    )`.execute(db);
  await sql`alter table deliveries add column integration_id bigint references integrations (id) on delete set null`.execute(
    db,
  );
  // Deleting an integration clears its deliveries' reference; the index keeps that from scanning every delivery.
  await sql`create index deliveries_integration on deliveries (integration_id) where integration_id is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table deliveries drop column if exists integration_id`.execute(db);
  await sql`drop table if exists integrations`.execute(db);
}
