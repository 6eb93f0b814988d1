import { sql, type Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// A PagerDuty event other than the trigger, for an incident without created_at, does not say when the incident
// was triggered. Such an incident keeps the earliest time seen in triggered_at (for its period and attribution)
// and counts in no recovery time until a trigger event or a backfill gives the real time.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table incidents add column trigger_time_known boolean not null default true`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table incidents drop column trigger_time_known`.execute(db);
}
