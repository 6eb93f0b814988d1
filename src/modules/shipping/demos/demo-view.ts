import type { Db } from '../../../db/schema/index.js';
import { capabilityAdoption } from '../../adoption/service.js';
import type { Demo } from './contract.js';
import { demoConversion } from './conversion.js';
import { attendanceOf, capabilitiesById, platformTeams, type AttendanceRow, type DemoRow } from './repo.js';

interface CustomerAdoption {
  customers: Set<string>;
  adoptedAt: Map<string, Date>;
}

/** Each capability's customer teams and their first adoptions, from the adoption module (DOMAIN.md, Adoption). */
async function adoptionOf(db: Db, capabilityIds: number[], now: Date): Promise<Map<number, CustomerAdoption>> {
  const out = new Map<number, CustomerAdoption>();
  for (const capability of await capabilitiesById(db, capabilityIds)) {
    const adoption = await capabilityAdoption(db, capability, {}, now);
    out.set(capability.id, {
      customers: new Set([...adoption.teams, ...adoption.notAdopted].map((t) => t.teamRef)),
      adoptedAt: new Map(adoption.teams.map((t) => [t.teamRef, new Date(t.adoptedAt)])),
    });
  }
  return out;
}

function attendanceByTeam(rows: AttendanceRow[]): Demo['attendance'] {
  const teams = new Map<string, Demo['attendance'][number]>();
  for (const r of rows) {
    const team = teams.get(r.team_ref) ?? { team: r.team_name, title: r.team_title, people: [] };
    if (r.person !== '') team.people.push(r.person);
    teams.set(r.team_ref, team);
  }
  return [...teams.values()];
}

/** The demos as the API shows them, with their attendance by team and their conversion as of `now`. */
export async function demoViews(db: Db, rows: DemoRow[], now = new Date()): Promise<Demo[]> {
  const attendance = await attendanceOf(
    db,
    rows.map((r) => r.id),
  );
  const adoption = await adoptionOf(db, [...new Set(rows.map((r) => r.capability_id))], now);
  const platform = await platformTeams(db, [...new Set(attendance.map((a) => a.team_ref))]);
  return rows.map((row) => {
    const mine = attendance.filter((a) => a.demo_id === row.id);
    const facts = adoption.get(row.capability_id) ?? { customers: new Set<string>(), adoptedAt: new Map() };
    return {
      id: row.id,
      capability: row.capability_name,
      capabilityTitle: row.capability_title,
      date: row.held_on,
      title: row.title,
      presenter: row.presenter,
      recording: row.recording_url,
      slides: row.slides_url,
      notes: row.notes,
      attendance: attendanceByTeam(mine),
      conversion: demoConversion({
        date: row.held_on,
        attending: mine.map((a) => ({ ref: a.team_ref, name: a.team_name, title: a.team_title })),
        customers: facts.customers,
        platform,
        adoptedAt: facts.adoptedAt,
        now,
      }),
      createdBy: row.created_by,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    };
  });
}
