import type { Updateable } from 'kysely';
import type { Db } from '../../../db/schema/index.js';
import type { DemosTable } from '../../../db/schema/shipping.js';
import { assertAdministers } from '../../../http/access.js';
import { notFound } from '../../../http/errors.js';
import type { Principal } from '../../../http/router.js';
import { diffFields, recordAudit } from '../../audit/service.js';
import { findUserByEmail } from '../../auth/people/repo.js';
import { entityNamed } from '../../voice/problems/catalog-names.js';
import type { DemoCreateParsed, DemoPatch } from './contract.js';
import {
  addAttendance,
  attendanceOf,
  clearAttendance,
  deleteDemo,
  findDemo,
  insertDemo,
  lockDemo,
  updateDemo,
} from './repo.js';

// A demo is the platform team's own record of showing its capability: only the members of the team that owns the
// capability (and organisation admins) add, change or delete it.

type Attendance = NonNullable<DemoPatch['attendance']>;

/** The capability a name or ref names (400 naming `capability` otherwise), if the caller administers it. */
async function ownedCapability(tx: Db, who: Principal, name: string) {
  const capability = await entityNamed(tx, name, 'capability', 'capability');
  assertAdministers(who, capability.owner_ref);
  return capability;
}

/** Each attendance's team (400 naming `attendance[i].team` when it is not a team in the catalog) and person. */
async function resolveAttendance(tx: Db, attendance: Attendance): Promise<{ teamId: number; person: string }[]> {
  const out: { teamId: number; person: string }[] = [];
  for (const [i, a] of attendance.entries()) {
    const team = await entityNamed(tx, a.team, 'group', `attendance[${i}].team`);
    const person = a.person?.trim() ?? '';
    // An email a catalog user has is stored as that user, so imports and entries name people the same way.
    const user = person.includes('@') ? await findUserByEmail(tx, person) : null;
    out.push({ teamId: team.id, person: user?.ref ?? person });
  }
  return out;
}

async function auditState(tx: Db, id: number): Promise<Record<string, unknown> | null> {
  const row = await findDemo(tx, id);
  if (!row) return null;
  const attendance = await attendanceOf(tx, [id]);
  return {
    capability: row.capability_name,
    date: row.held_on,
    title: row.title,
    presenter: row.presenter,
    recording: row.recording_url,
    slides: row.slides_url,
    notes: row.notes,
    attendance: attendance.map((a) => (a.person ? `${a.team_name}: ${a.person}` : a.team_name)),
  };
}

const label = (s: Record<string, unknown> | null) => `Demo of ${String(s?.capability)} on ${String(s?.date)}`;

export async function createDemo(tx: Db, who: Principal, input: DemoCreateParsed): Promise<number> {
  const capability = await ownedCapability(tx, who, input.capability);
  const attendance = await resolveAttendance(tx, input.attendance);
  const id = await insertDemo(tx, {
    capability_id: capability.id,
    held_on: input.date,
    title: input.title ?? null,
    presenter: input.presenter ?? null,
    recording_url: input.recording ?? null,
    slides_url: input.slides ?? null,
    notes: input.notes ?? null,
    created_by: who.name,
  });
  await addAttendance(tx, id, attendance);
  const after = await auditState(tx, id);
  await recordAudit(tx, who, {
    action: 'create',
    entity: { kind: 'demo', id, ref: capability.ref },
    summary: `${label(after)} (${attendance.length} attendance${attendance.length === 1 ? '' : 's'})`,
    changes: diffFields(null, after),
  });
  return id;
}

/** The demo, locked, if the caller administers its capability; 404 when there is none. */
export async function lockOwnedDemo(tx: Db, who: Principal, id: number) {
  const row = await lockDemo(tx, id);
  if (!row) throw notFound(`demo ${id}`);
  assertAdministers(who, row.capability_owner);
  return row;
}

export async function changeDemo(tx: Db, who: Principal, id: number, patch: DemoPatch): Promise<void> {
  const row = await lockOwnedDemo(tx, who, id);
  const capability = patch.capability === undefined ? undefined : await ownedCapability(tx, who, patch.capability);
  const attendance = patch.attendance === undefined ? undefined : await resolveAttendance(tx, patch.attendance);
  const before = await auditState(tx, id);
  const changes: Updateable<DemosTable> = {};
  if (capability) changes.capability_id = capability.id;
  if (patch.date !== undefined) changes.held_on = patch.date;
  if (patch.title !== undefined) changes.title = patch.title;
  if (patch.presenter !== undefined) changes.presenter = patch.presenter;
  if (patch.recording !== undefined) changes.recording_url = patch.recording;
  if (patch.slides !== undefined) changes.slides_url = patch.slides;
  if (patch.notes !== undefined) changes.notes = patch.notes;
  await updateDemo(tx, id, changes);
  if (attendance) {
    await clearAttendance(tx, id);
    await addAttendance(tx, id, attendance);
  }
  const after = await auditState(tx, id);
  await recordAudit(tx, who, {
    action: 'update',
    entity: { kind: 'demo', id, ref: capability?.ref ?? row.capability_ref },
    summary: `${label(after)} changed`,
    changes: diffFields(before, after),
  });
}

export async function removeDemo(tx: Db, who: Principal, id: number): Promise<void> {
  const row = await lockOwnedDemo(tx, who, id);
  const before = await auditState(tx, id);
  await deleteDemo(tx, id);
  await recordAudit(tx, who, {
    action: 'delete',
    entity: { kind: 'demo', id, ref: row.capability_ref },
    summary: `${label(before)} deleted`,
    changes: diffFields(before, null),
  });
}
