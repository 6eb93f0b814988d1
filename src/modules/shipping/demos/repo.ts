import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../../db/schema/index.js';
import type { EntityRow } from '../../../db/schema/entities.js';
import type { DemosTable } from '../../../db/schema/shipping.js';

export interface DemoRow {
  id: number;
  capability_id: number;
  capability_name: string;
  capability_ref: string;
  capability_title: string | null;
  capability_owner: string | null;
  held_on: string;
  title: string | null;
  presenter: string | null;
  recording_url: string | null;
  slides_url: string | null;
  notes: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface AttendanceRow {
  demo_id: number;
  team_ref: string;
  team_name: string;
  team_title: string | null;
  person: string;
}

const columns = (db: Db) =>
  db
    .selectFrom('demos as d')
    .innerJoin('entities as c', 'c.id', 'd.capability_id')
    .select([
      'd.id',
      'd.capability_id',
      'c.name as capability_name',
      'c.ref as capability_ref',
      'c.title as capability_title',
      'c.owner_ref as capability_owner',
      sql<string>`d.held_on::text`.as('held_on'),
      'd.title',
      'd.presenter',
      'd.recording_url',
      'd.slides_url',
      'd.notes',
      'd.created_by',
      'd.created_at',
      'd.updated_at',
    ]);

export async function insertDemo(db: Db, row: Insertable<DemosTable>): Promise<number> {
  return (await db.insertInto('demos').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateDemo(db: Db, id: number, changes: Updateable<DemosTable>): Promise<void> {
  await db
    .updateTable('demos')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Deletes a demo; its attendance goes with it (on delete cascade). */
export async function deleteDemo(db: Db, id: number): Promise<void> {
  await db.deleteFrom('demos').where('id', '=', id).execute();
}

export async function findDemo(db: Db, id: number): Promise<DemoRow | undefined> {
  return columns(db).where('d.id', '=', id).executeTakeFirst();
}

export async function lockDemo(db: Db, id: number): Promise<DemoRow | undefined> {
  return columns(db).where('d.id', '=', id).forUpdate('d').executeTakeFirst();
}

/** Demos newest first, optionally of one capability and within dates (inclusive). */
export async function listDemos(
  db: Db,
  filter: { capabilityId?: number | undefined; from?: string | undefined; to?: string | undefined },
): Promise<DemoRow[]> {
  let q = columns(db);
  if (filter.capabilityId !== undefined) q = q.where('d.capability_id', '=', filter.capabilityId);
  if (filter.from) q = q.where('d.held_on', '>=', filter.from);
  if (filter.to) q = q.where('d.held_on', '<=', filter.to);
  return q.orderBy('d.held_on', 'desc').orderBy('d.id', 'desc').execute();
}

/** Who attended the demos: one row per team and person, by team name. */
export async function attendanceOf(db: Db, demoIds: number[]): Promise<AttendanceRow[]> {
  if (demoIds.length === 0) return [];
  return db
    .selectFrom('demo_attendance as a')
    .innerJoin('entities as g', 'g.id', 'a.team_id')
    .select(['a.demo_id', 'g.ref as team_ref', 'g.name as team_name', 'g.title as team_title', 'a.person'])
    .where('a.demo_id', 'in', demoIds)
    .orderBy('a.demo_id')
    .orderBy('g.name')
    .orderBy('a.person')
    .execute();
}

/** Adds attendances, skipping any already recorded; returns how many were new. */
export async function addAttendance(
  db: Db,
  demoId: number,
  rows: { teamId: number; person: string }[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await db
    .insertInto('demo_attendance')
    .values(rows.map((r) => ({ demo_id: demoId, team_id: r.teamId, person: r.person })))
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export async function clearAttendance(db: Db, demoId: number): Promise<void> {
  await db.deleteFrom('demo_attendance').where('demo_id', '=', demoId).execute();
}

/** Which of these teams own an active capability (platform teams). */
export async function platformTeams(db: Db, teamRefs: string[]): Promise<Set<string>> {
  if (teamRefs.length === 0) return new Set();
  const rows = await db
    .selectFrom('entities')
    .select('owner_ref')
    .distinct()
    .where('kind', '=', 'Capability')
    .where('status', '=', 'active')
    .where('owner_ref', 'in', teamRefs)
    .execute();
  return new Set(rows.map((r) => r.owner_ref).filter((r): r is string => r !== null));
}

/** The capabilities (catalog rows) with these ids. */
export async function capabilitiesById(db: Db, ids: number[]): Promise<EntityRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('entities').selectAll().where('id', 'in', ids).execute();
}
