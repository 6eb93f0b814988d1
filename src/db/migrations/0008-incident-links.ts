import { sql, type Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// Where an incident lives at its sender (the PagerDuty incident, the GitHub or GitLab issue), so a list of
// incidents can open each one there.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table incidents add column url text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table incidents drop column url`.execute(db);
}
