import type { Insertable } from 'kysely';
import type { CapabilityViewsTable, DeclarationsTable, DetectionsTable, MandatesTable, UsageEventsTable } from '../db/schema/adoption.js';
import type { Db } from '../db/schema/index.js';

/**
 * The demo's own rows are recognised by markers no real signal carries: repositories under `demo://`,
 * usage event ids starting `demo:`, and people (declarations, mandates, views) at the demo's example domain.
 */
export interface DemoMarkers {
  repositoryPrefix: string;
  eventPrefix: string;
  /** `@acme.example` */
  emailSuffix: string;
}

const like = (prefix: string) => `${prefix.replace(/[\\%_]/g, '\\$&')}%`;
const endsLike = (suffix: string) => `%${suffix.replace(/[\\%_]/g, '\\$&')}`;

/** Ids of active entities by ref. */
export async function findEntityIds(db: Db, refs: string[]): Promise<Map<string, number>> {
  if (refs.length === 0) return new Map();
  const rows = await db.selectFrom('entities').select(['id', 'ref']).where('ref', 'in', refs).where('status', '=', 'active').execute();
  return new Map(rows.map((r) => [r.ref, r.id]));
}

/** HEAD of every demo repository, by path. */
export async function listDemoRepositoryHeads(db: Db, m: DemoMarkers): Promise<Map<string, string | null>> {
  const rows = await db.selectFrom('repositories').select(['path', 'head']).where('path', 'like', like(m.repositoryPrefix)).execute();
  return new Map(rows.map((r) => [r.path, r.head]));
}

/** Removes every demo adoption row; detections go with their repositories. */
export async function deleteDemoAdoption(db: Db, m: DemoMarkers): Promise<void> {
  await db.deleteFrom('repositories').where('path', 'like', like(m.repositoryPrefix)).execute();
  await db.deleteFrom('usage_events').where('event_id', 'like', like(m.eventPrefix)).execute();
  await db.deleteFrom('declarations').where('declared_by', 'like', endsLike(m.emailSuffix)).execute();
  await db.deleteFrom('mandates').where('created_by', 'like', endsLike(m.emailSuffix)).execute();
  await db.deleteFrom('capability_views').where('subject', 'like', endsLike(m.emailSuffix)).execute();
}

export interface NewDemoRepository {
  path: string;
  name: string;
  remoteUrl: string;
  serviceId: number;
  head: string;
  headDate: Date;
}

/** Inserts repositories and returns their ids by path. */
export async function insertRepositories(db: Db, rows: NewDemoRepository[]): Promise<Map<string, number>> {
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
          last_scanned_at: r.headDate,
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

/** Usage events keyed by their event id: one already stored is left alone. */
export async function insertUsageEvents(db: Db, rows: Insertable<UsageEventsTable>[]): Promise<void> {
  for (const batch of chunks(rows, 5000)) {
    await db.insertInto('usage_events').values(batch).onConflict((oc) => oc.column('event_id').doNothing()).execute();
  }
}

export async function insertDeclarations(db: Db, rows: Insertable<DeclarationsTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('declarations').values(rows).execute();
}

export async function insertMandates(db: Db, rows: Insertable<MandatesTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('mandates').values(rows).execute();
}

export async function insertViews(db: Db, rows: Insertable<CapabilityViewsTable>[]): Promise<void> {
  for (const batch of chunks(rows, 2000)) await db.insertInto('capability_views').values(batch).execute();
}

function chunks<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
