import { sql, type Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// What the voice pages read on every request, measured at 100,000 items and 300,000 votes (bench/voice.ts):
// - feedback_unplaced: the open items in no problem. The triage inbox pages them newest first, and the suggestion
//   cache checks whether any changed with one scan of this index alone (ids and updated_at).
// - feedback_backlog: requests and items in a problem, what the backlog's reach and RICE read; the backlog cache
//   checks them the same way (a vote touches its request's updated_at).
// - feedback_facts: the summary's bugs and support requests of a period (opened before its end, and in it, still
//   open, or closed in or after it), with every column it reads, so the server answers from the index alone instead
//   of visiting most of the table's pages.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index feedback_unplaced on feedback (id) include (updated_at) where problem_id is null and closed_at is null`.execute(
    db,
  );
  await sql`create index feedback_facts on feedback (kind, opened_at) include (responded_at, closed_at, capability_id, severity, platform_team_id, category)`.execute(
    db,
  );
  await sql`create index feedback_backlog on feedback (id) include (updated_at, problem_id) where kind = 'request' or problem_id is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ['feedback_unplaced', 'feedback_facts', 'feedback_backlog'])
    await sql`drop index if exists ${sql.id(index)}`.execute(db);
}
