import type { Insertable } from 'kysely';
import type { DetectionsTable } from '../../../db/schema/adoption.js';
import type { Db } from '../../../db/schema/index.js';
import { chunks } from '../../../shared/chunks.js';

/** A LIKE pattern matching values that start with `prefix`, its wildcards taken literally. */
const startsWith = (prefix: string) => `${prefix.replace(/[\\%_]/g, '\\$&')}%`;

export async function insertScan(
  db: Db,
  s: { root: string; history: boolean; status: 'queued' | 'running'; requestedBy: string | null },
) {
  return db
    .insertInto('scans')
    .values({
      root: s.root,
      history: s.history,
      status: s.status,
      requested_by: s.requestedBy,
      summary: null,
      finished_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function finishScan(
  db: Db,
  id: number,
  s: { status: 'succeeded' | 'failed'; summary: Record<string, unknown> | null; problems: string[] },
) {
  await db
    .updateTable('scans')
    .set({
      status: s.status,
      summary: JSON.stringify(s.summary),
      problems: JSON.stringify(s.problems),
      finished_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export async function setScanStatus(db: Db, id: number, status: 'running') {
  await db.updateTable('scans').set({ status }).where('id', '=', id).execute();
}

export async function getScan(db: Db, id: number) {
  return db.selectFrom('scans').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listScans(db: Db, limit: number) {
  return db.selectFrom('scans').selectAll().orderBy('id', 'desc').limit(limit).execute();
}

/** Active services with the annotations that say where their code lives. */
export async function listServiceLocations(db: Db) {
  return db
    .selectFrom('entities')
    .select(['id', 'name', 'namespace', 'metadata'])
    .where('kind', '=', 'Component')
    .where('status', '=', 'active')
    .execute();
}

/** Active capabilities and their detect rules. */
export async function listCapabilityRules(db: Db) {
  return db
    .selectFrom('entities')
    .select(['id', 'name', 'spec'])
    .where('kind', '=', 'Capability')
    .where('status', '=', 'active')
    .execute();
}

export async function listRepositories(db: Db, options: { unmappedOnly?: boolean } = {}) {
  let q = db
    .selectFrom('repositories as r')
    .leftJoin('entities as s', 's.id', 'r.service_id')
    .select([
      'r.id',
      'r.path',
      'r.name',
      'r.remote_url',
      'r.head',
      'r.last_scanned_at',
      'r.last_error',
      's.name as service',
    ]);
  if (options.unmappedOnly) q = q.where('r.service_id', 'is', null);
  return q.orderBy('r.name').execute();
}

export async function findRepository(db: Db, path: string) {
  return db.selectFrom('repositories').selectAll().where('path', '=', path).executeTakeFirst();
}

export async function upsertRepository(
  db: Db,
  r: {
    path: string;
    name: string;
    remoteUrl: string | null;
    serviceId: number | null;
    head: string;
    headDate: Date;
    scanId: number;
  },
) {
  return db
    .insertInto('repositories')
    .values({
      path: r.path,
      name: r.name,
      remote_url: r.remoteUrl,
      service_id: r.serviceId,
      head: r.head,
      head_date: r.headDate,
      last_scan_id: r.scanId,
      last_scanned_at: new Date(),
      last_error: null,
    })
    .onConflict((oc) =>
      oc.column('path').doUpdateSet({
        name: r.name,
        remote_url: r.remoteUrl,
        service_id: r.serviceId,
        head: r.head,
        head_date: r.headDate,
        last_scan_id: r.scanId,
        last_scanned_at: new Date(),
        last_error: null,
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function touchRepository(db: Db, path: string, scanId: number, error: string | null) {
  await db
    .updateTable('repositories')
    .set({ last_scan_id: scanId, last_scanned_at: new Date(), last_error: error })
    .where('path', '=', path)
    .execute();
}

export async function listRepositoryDetections(db: Db, repositoryId: number) {
  return db.selectFrom('detections').selectAll().where('repository_id', '=', repositoryId).execute();
}

export async function insertDetection(
  db: Db,
  d: {
    repositoryId: number;
    capabilityId: number;
    evidence: string;
    commit: string;
    commitDate: Date;
    adoptedAt: Date;
    adoptionCommit: string | null;
    fromHistory: boolean;
  },
) {
  await db
    .insertInto('detections')
    .values({
      repository_id: d.repositoryId,
      capability_id: d.capabilityId,
      matched: true,
      evidence: d.evidence,
      commit: d.commit,
      commit_date: d.commitDate,
      adopted_at: d.adoptedAt,
      adoption_commit: d.adoptionCommit,
      from_history: d.fromHistory,
      unmatched_since: null,
    })
    .execute();
}

export async function updateDetection(
  db: Db,
  repositoryId: number,
  capabilityId: number,
  d: {
    matched: boolean;
    evidence?: string;
    commit?: string;
    commitDate?: Date;
    adoptedAt?: Date;
    adoptionCommit?: string | null;
    fromHistory?: boolean;
    unmatchedSince: Date | null;
  },
) {
  await db
    .updateTable('detections')
    .set({
      matched: d.matched,
      ...(d.evidence !== undefined ? { evidence: d.evidence } : {}),
      ...(d.commit !== undefined ? { commit: d.commit } : {}),
      ...(d.commitDate !== undefined ? { commit_date: d.commitDate } : {}),
      ...(d.adoptedAt !== undefined ? { adopted_at: d.adoptedAt } : {}),
      ...(d.adoptionCommit !== undefined ? { adoption_commit: d.adoptionCommit } : {}),
      ...(d.fromHistory !== undefined ? { from_history: d.fromHistory } : {}),
      unmatched_since: d.unmatchedSince,
      updated_at: new Date(),
    })
    .where('repository_id', '=', repositoryId)
    .where('capability_id', '=', capabilityId)
    .execute();
}

/** HEAD of every repository whose path starts with `pathPrefix`, by path. */
export async function listRepositoryHeads(db: Db, pathPrefix: string): Promise<Map<string, string | null>> {
  const rows = await db
    .selectFrom('repositories')
    .select(['path', 'head'])
    .where('path', 'like', startsWith(pathPrefix))
    .execute();
  return new Map(rows.map((r) => [r.path, r.head]));
}

/** Deletes the repositories whose path starts with `pathPrefix`; their detections go with them. */
export async function deleteRepositoriesByPathPrefix(db: Db, pathPrefix: string): Promise<void> {
  await db.deleteFrom('repositories').where('path', 'like', startsWith(pathPrefix)).execute();
}

export interface NewRepository {
  path: string;
  name: string;
  remoteUrl: string | null;
  serviceId: number | null;
  head: string;
  headDate: Date;
  /** When it was (last) scanned, by no recorded scan. */
  scannedAt: Date;
}

/** Inserts repositories in bulk and returns their ids by path. */
export async function insertRepositories(db: Db, rows: NewRepository[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const batch of chunks(rows, 1000)) {
    const inserted = await db
      .insertInto('repositories')
      .values(
        batch.map((r) => ({
          path: r.path,
          name: r.name,
          remote_url: r.remoteUrl,
          service_id: r.serviceId,
          head: r.head,
          head_date: r.headDate,
          last_scan_id: null,
          last_scanned_at: r.scannedAt,
          last_error: null,
        })),
      )
      .returning(['id', 'path'])
      .execute();
    for (const r of inserted) ids.set(r.path, r.id);
  }
  return ids;
}

export async function insertDetections(db: Db, rows: Insertable<DetectionsTable>[]): Promise<void> {
  for (const batch of chunks(rows, 1000)) await db.insertInto('detections').values(batch).execute();
}
