import { sql } from 'kysely';
import type { Db } from '../../../db/schema/index.js';

// The SQL of deprecation migrations: which repositories a deprecation or breaking release affects, and when each
// stopped matching. Rules of the release's own are evaluated by scans (release_evaluations); without, the
// capability's detections answer.

const MIGRATION_TYPES = ['breaking', 'deprecation'] as const;

export interface MigrationReleaseRow {
  id: number;
  capability_id: number | null;
  capability: string | null;
  capability_title: string | null;
  version: string;
  title: string | null;
  type: string;
  released_at: Date;
  deadline: string | null;
  rules: unknown[] | null;
  affected_at: Date | null;
  affected_basis: string | null;
}

function releases(db: Db) {
  return db
    .selectFrom('releases as rel')
    .leftJoin('entities as cap', 'cap.id', 'rel.capability_id')
    .select([
      'rel.id',
      'rel.capability_id',
      'cap.name as capability',
      'cap.title as capability_title',
      'rel.version',
      'rel.title',
      'rel.type',
      'rel.released_at',
      sql<string | null>`rel.deadline::text`.as('deadline'),
      'rel.rules',
      'rel.affected_at',
      'rel.affected_basis',
    ]);
}

export async function getMigrationRelease(db: Db, id: number): Promise<MigrationReleaseRow | undefined> {
  return releases(db).where('rel.id', '=', id).executeTakeFirst() as Promise<MigrationReleaseRow | undefined>;
}

/** Deprecation and breaking releases of a capability, newest first. */
export async function listMigrationReleases(db: Db): Promise<MigrationReleaseRow[]> {
  return releases(db)
    .where('rel.type', 'in', MIGRATION_TYPES)
    .where('rel.capability_id', 'is not', null)
    .orderBy('rel.released_at', 'desc')
    .orderBy('rel.id', 'desc')
    .execute() as Promise<MigrationReleaseRow[]>;
}

/** Forgets a release's affected set, to compute it again from `basis`. */
export async function resetAffected(db: Db, id: number, basis: string | null): Promise<void> {
  await db.deleteFrom('release_migrations').where('release_id', '=', id).execute();
  await db.deleteFrom('release_evaluations').where('release_id', '=', id).execute();
  await db.updateTable('releases').set({ affected_at: null, affected_basis: basis }).where('id', '=', id).execute();
}

/**
 * The affected repositories of a release without rules of its own: those whose detection of the capability matched
 * at the release (adopted by then, and still matching or unmatched only after it), migrated when unmatched since.
 */
export async function insertAffectedFromDetections(db: Db, release: MigrationReleaseRow, now: Date): Promise<void> {
  const at = release.released_at;
  await sql`
    insert into release_migrations (release_id, repository_id, service_id, evidence, migrated_at)
    select ${release.id}, d.repository_id, r.service_id, d.evidence,
           case when d.matched then null else d.unmatched_since end
    from detections d join repositories r on r.id = d.repository_id
    where d.capability_id = ${release.capability_id} and d.adopted_at <= ${at}
      and (d.matched or d.unmatched_since > ${at})
    on conflict (release_id, repository_id) do nothing`.execute(db);
  await db.updateTable('releases').set({ affected_at: now }).where('id', '=', release.id).execute();
}

/** Releases without rules of their own whose date has come and whose affected set is not fixed yet. */
export async function listCapabilityReleasesToFix(db: Db, now: Date): Promise<MigrationReleaseRow[]> {
  return releases(db)
    .where('rel.type', 'in', MIGRATION_TYPES)
    .where('rel.capability_id', 'is not', null)
    .where('rel.rules', 'is', null)
    .where('rel.affected_at', 'is', null)
    .where('rel.affected_basis', 'is not', null)
    .where('rel.released_at', '<=', now)
    .execute() as Promise<MigrationReleaseRow[]>;
}

/**
 * After a scan, the capability's detections move the migrations of releases without rules of their own: a
 * repository migrated when its detection stopped matching (its `unmatched_since`), and matches again when it does.
 */
export async function followDetections(db: Db, scanId: number | null): Promise<void> {
  await sql`
    update release_migrations m
    set migrated_at = case when d.matched then null else d.unmatched_since end,
        migrated_scan_id = case when d.matched then null when m.migrated_at is null then ${scanId}::bigint
                                else m.migrated_scan_id end,
        service_id = r.service_id
    from releases rel, detections d, repositories r
    where m.release_id = rel.id and rel.rules is null and d.repository_id = m.repository_id
      and d.capability_id = rel.capability_id and r.id = m.repository_id
      and (m.migrated_at is distinct from (case when d.matched then null else d.unmatched_since end)
           or m.service_id is distinct from r.service_id)`.execute(db);
}

/** Releases with rules of their own that scans evaluate: deprecation or breaking, of a capability, released. */
export async function listOwnRuleReleases(db: Db, now: Date) {
  return db
    .selectFrom('releases')
    .select(['id', 'rules'])
    .where('type', 'in', MIGRATION_TYPES)
    .where('capability_id', 'is not', null)
    .where('rules', 'is not', null)
    .where('released_at', '<=', now)
    .orderBy('id')
    .execute();
}

/** Paths of known repositories not yet evaluated for some of these releases: a scan reads them again. */
export async function listUnevaluatedPaths(db: Db, releaseIds: number[]): Promise<string[]> {
  if (releaseIds.length === 0) return [];
  const rows = await db
    .selectFrom('repositories as r')
    .select('r.path')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('releases as rel')
          .select('rel.id')
          .where('rel.id', 'in', releaseIds)
          .where((e) =>
            e.not(
              e.exists(
                e
                  .selectFrom('release_evaluations as ev')
                  .select('ev.release_id')
                  .whereRef('ev.release_id', '=', 'rel.id')
                  .whereRef('ev.repository_id', '=', 'r.id'),
              ),
            ),
          ),
      ),
    )
    .execute();
  return rows.map((r) => r.path);
}

export async function findEvaluation(db: Db, releaseId: number, repositoryId: number) {
  return db
    .selectFrom('release_evaluations')
    .select('scan_id')
    .where('release_id', '=', releaseId)
    .where('repository_id', '=', repositoryId)
    .executeTakeFirst();
}

export async function insertEvaluation(
  db: Db,
  e: {
    releaseId: number;
    repositoryId: number;
    scanId: number;
    at: Date;
    serviceId: number | null;
    evidence: unknown[] | null;
  },
): Promise<void> {
  await db
    .insertInto('release_evaluations')
    .values({ release_id: e.releaseId, repository_id: e.repositoryId, scan_id: e.scanId, evaluated_at: e.at })
    .execute();
  if (e.evidence)
    await db
      .insertInto('release_migrations')
      .values({
        release_id: e.releaseId,
        repository_id: e.repositoryId,
        service_id: e.serviceId,
        evidence: JSON.stringify(e.evidence),
      })
      .execute();
}

/** A later scan of an affected repository: still matching (evidence now), or migrated at this scan. */
export async function updateMigration(
  db: Db,
  m: {
    releaseId: number;
    repositoryId: number;
    scanId: number;
    at: Date;
    serviceId: number | null;
    evidence: unknown[] | null;
  },
): Promise<void> {
  const q = db
    .updateTable('release_migrations')
    .where('release_id', '=', m.releaseId)
    .where('repository_id', '=', m.repositoryId);
  if (m.evidence)
    await q
      .set({ evidence: JSON.stringify(m.evidence), service_id: m.serviceId, migrated_at: null, migrated_scan_id: null })
      .execute();
  else
    await q
      .set({ migrated_at: m.at, migrated_scan_id: m.scanId, service_id: m.serviceId })
      .where('migrated_at', 'is', null)
      .execute();
}

/** Fixes the affected set's time of releases evaluated for the first time by this scan. */
export async function markAffected(db: Db, releaseIds: number[], at: Date): Promise<void> {
  if (releaseIds.length === 0) return;
  await db
    .updateTable('releases')
    .set({ affected_at: at })
    .where('id', 'in', releaseIds)
    .where('affected_at', 'is', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('release_evaluations as ev')
          .select('ev.release_id')
          .whereRef('ev.release_id', '=', 'releases.id'),
      ),
    )
    .execute();
}

export interface MigrationRow {
  release_id: number;
  repository: string;
  repository_path: string;
  service: string | null;
  service_title: string | null;
  team: string | null;
  team_title: string | null;
  evidence: { file: string; line: number | null }[];
  migrated_at: Date | null;
}

/** The affected repositories of these releases, with their service and its owning team. */
export async function listMigrationRows(db: Db, releaseIds: number[]): Promise<MigrationRow[]> {
  if (releaseIds.length === 0) return [];
  return db
    .selectFrom('release_migrations as m')
    .innerJoin('repositories as r', 'r.id', 'm.repository_id')
    .leftJoin('entities as s', 's.id', 'm.service_id')
    .leftJoin('entities as t', (j) => j.onRef('t.ref', '=', 's.owner_ref'))
    .select([
      'm.release_id',
      'r.name as repository',
      'r.path as repository_path',
      's.name as service',
      's.title as service_title',
      't.name as team',
      't.title as team_title',
      'm.evidence',
      'm.migrated_at',
    ])
    .where('m.release_id', 'in', releaseIds)
    .orderBy('r.name')
    .execute() as Promise<MigrationRow[]>;
}
