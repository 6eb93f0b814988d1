import { sql, type Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// A deprecation or breaking release with rules of its own is evaluated by scans, one repository at a time: a
// repository's first scan after the release decides whether it is affected (release_migrations). The repositories
// already evaluated are kept here, so that a scan reads the others again even when their HEAD did not move.
// `affected_basis` fingerprints what the affected set was computed from (capability, type, date, rules): when a
// change to the release alters it, the set is computed again; a change to anything else (notes, title) keeps it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table releases add column affected_basis text`.execute(db);
  await sql`
    create table release_evaluations (
      release_id bigint not null references releases (id) on delete cascade,
      repository_id bigint not null references repositories (id) on delete cascade,
      scan_id bigint,
      evaluated_at timestamptz not null,
      primary key (release_id, repository_id)
    )`.execute(db);
  await sql`create index release_evaluations_repository on release_evaluations (repository_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists release_evaluations`.execute(db);
  await sql`alter table releases drop column if exists affected_basis`.execute(db);
}
