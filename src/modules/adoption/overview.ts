import type { Db } from '../../db/schema/index.js';
import type { AdoptionMatrix, TeamAdoptionBody } from './contract.js';
import * as repo from './repo.js';
import { capabilityAdoption } from './service.js';

/** Teams × capabilities: who uses what, since when, by choice or mandate. */
export async function adoptionMatrix(db: Db, now = new Date()): Promise<AdoptionMatrix> {
  const capabilities = await repo.listActiveCapabilities(db);
  const teams = await repo.listEligibleTeams(db, []);
  const cells: AdoptionMatrix['cells'] = [];
  for (const c of capabilities) {
    const adoption = await capabilityAdoption(db, c, {}, now);
    for (const t of adoption.teams)
      cells.push({
        team: t.team,
        teamRef: t.teamRef,
        capability: c.name,
        status: t.status,
        kind: t.kind,
        adoptedAt: t.adoptedAt,
        churnedAt: t.churnedAt,
      });
  }
  return {
    capabilities: capabilities.map((c) => ({ name: c.name, title: c.title, lifecycle: c.lifecycle })),
    teams: teams.map((t) => ({ name: t.name, ref: t.ref, title: t.title })),
    cells,
  };
}

/** The order a team is invited to adopt in: generally available first, experimental last. */
const SUGGESTED = ['ga', 'beta', 'experimental'];

/**
 * What one team uses, since when, and what it could adopt next: capabilities on offer (ga, beta, experimental,
 * or with no lifecycle, last), required ones first; deprecated and retired ones are never suggested.
 */
export async function teamAdoption(
  db: Db,
  teamRef: string,
  teamName: string,
  now = new Date(),
): Promise<TeamAdoptionBody> {
  const capabilities = await repo.listActiveCapabilities(db);
  const uses: TeamAdoptionBody['uses'] = [];
  const notYet: TeamAdoptionBody['notYet'] = [];
  for (const c of capabilities) {
    const adoption = await capabilityAdoption(db, c, {}, now);
    const mine = adoption.teams.find((t) => t.teamRef === teamRef);
    if (mine) {
      uses.push({
        capability: c.name,
        title: c.title,
        adoptedAt: mine.adoptedAt,
        churnedAt: mine.churnedAt,
        kind: mine.kind,
        status: mine.status,
        services: mine.services,
      });
    } else {
      const missing = adoption.notAdopted.find((t) => t.teamRef === teamRef);
      if (missing && !['deprecated', 'retired'].includes(c.lifecycle ?? ''))
        notYet.push({ capability: c.name, title: c.title, lifecycle: c.lifecycle, mandated: missing.mandated });
    }
  }
  const rank = (lifecycle: string | null) => {
    const i = SUGGESTED.indexOf(lifecycle ?? '');
    return i < 0 ? SUGGESTED.length : i;
  };
  notYet.sort(
    (a, b) =>
      Number(b.mandated) - Number(a.mandated) ||
      rank(a.lifecycle) - rank(b.lifecycle) ||
      a.capability.localeCompare(b.capability),
  );
  return { team: teamName, uses, notYet };
}
