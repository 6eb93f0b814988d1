import { sql, type Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// Lookups each webhook delivery makes. Its service by an annotation (a repository slug, case-insensitive, or a
// PagerDuty service id): without these expression indexes each lookup reads every entity's metadata; the queries
// in src/modules/webhooks/repo.ts use exactly these expressions (annotation names as literals) so they match.
// Its derivation job: the claim takes queued jobs in (run_at, id) order, which jobs_ready (run_at only) made a
// sort of the whole queue whenever the planner's statistics were stale.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index entities_github_slug on entities (lower(metadata->'annotations'->>'github.com/project-slug'))`.execute(
    db,
  );
  await sql`create index entities_gitlab_slug on entities (lower(metadata->'annotations'->>'gitlab.com/project-slug'))`.execute(
    db,
  );
  await sql`create index jobs_queued on jobs (run_at, id) where status = 'queued'`.execute(db);
  await sql`create index entities_pagerduty_service on entities ((metadata->'annotations'->>'pagerduty.com/service-id'))`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ['jobs_queued', 'entities_github_slug', 'entities_gitlab_slug', 'entities_pagerduty_service']) {
    await sql`drop index if exists ${sql.id(index)}`.execute(db);
  }
}
