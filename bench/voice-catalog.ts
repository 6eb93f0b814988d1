/**
 * The voice benchmark's organisation: TEAMS customer teams (team-0001 …, the names bench/voice-suggest-data.ts
 * writes feedback for), each owning two services, and PLATFORM_TEAMS platform teams owning three capabilities
 * each, GA on a known date so deflection has a before and an after. People are not catalog entities here (votes and
 * authors name them by ref, as items from issues and imports do), except the one the bench votes as.
 */
import type { Db } from '../src/db/schema/index.js';
import { runImport } from '../src/modules/imports/run-import.js';

export const TEAMS = 2_000;
export const PLATFORM_TEAMS = 10;
export const CAPABILITIES_PER_PLATFORM_TEAM = 3;
export const SERVICES_PER_TEAM = 2;
/** People per customer team; one in twenty is also in the next team. */
export const PEOPLE_PER_TEAM = 10;

const pad = (n: number, width: number) => String(n).padStart(width, '0');
export const teamName = (t: number) => `team-${pad(t, 4)}`;
export const platformTeamName = (p: number) => `platform-${pad(p, 2)}`;
export const capabilityName = (c: number) => `capability-${pad(c, 2)}`;
export const VOTER = 'bench-voter';
export const personRef = (p: number) => `user:default/person-${pad(p, 5)}`;

/** Capability c's GA date: spread over the two years before 2026, so each has months of history on both sides. */
export const gaDateOf = (c: number) => `2024-${pad(1 + (c % 12), 2)}-01`;

/** One descriptor file with every team, service and capability, as `paved import backstage` reads it. */
export function voiceCatalogFile(): { path: string; content: string } {
  const docs: string[] = [];
  const group = (name: string) =>
    `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: ${name} }\nspec: { type: team, children: [] }\n`;
  for (let t = 1; t <= TEAMS; t++) {
    docs.push(group(teamName(t)));
    for (let s = 1; s <= SERVICES_PER_TEAM; s++)
      docs.push(
        `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: svc-${pad(t, 4)}-${s} }\n` +
          `spec: { type: service, lifecycle: production, owner: ${teamName(t)} }\n`,
      );
  }
  for (let p = 1; p <= PLATFORM_TEAMS; p++) {
    docs.push(group(platformTeamName(p)));
    for (let k = 0; k < CAPABILITIES_PER_PLATFORM_TEAM; k++) {
      const c = (p - 1) * CAPABILITIES_PER_PLATFORM_TEAM + k + 1;
      docs.push(
        `apiVersion: paved.dev/v1alpha1\nkind: Capability\nmetadata: { name: ${capabilityName(c)} }\n` +
          `spec: { owner: ${platformTeamName(p)}, lifecycle: ga, category: platform, gaDate: "${gaDateOf(c)}" }\n`,
      );
    }
  }
  // The one person the bench votes as (a vote belongs to a person, so it needs a personal token).
  docs.push(
    `apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata: { name: ${VOTER} }\n` +
      `spec: { profile: { email: ${VOTER}@example.com }, memberOf: [${teamName(2)}] }\n`,
  );
  return { path: 'catalog-info.yaml', content: docs.join('---\n') };
}

export interface CatalogIds {
  /** Customer team number (1-based) → entity id. */
  teams: number[];
  platformTeams: number[];
  /** Capability number (1-based) → entity id, and its owner's entity id. */
  capabilities: { id: number; owner: number }[];
}

/** Imports the catalog through the real import path and reads back the ids the feedback rows refer to. */
export async function importVoiceCatalog(db: Db): Promise<CatalogIds> {
  const imported = await runImport(db, {
    files: [voiceCatalogFile()],
    source: 'bench',
    skipInvalid: false,
    actor: 'bench',
  });
  if (imported.status !== 'succeeded')
    throw new Error(`the catalog did not import: ${imported.problems.slice(0, 3).join('; ')}`);
  const rows = await db.selectFrom('entities').select(['id', 'kind', 'name', 'owner_ref']).execute();
  const byName = new Map(rows.map((r) => [`${r.kind} ${r.name}`, r]));
  const idOf = (kind: string, name: string) => {
    const row = byName.get(`${kind} ${name}`);
    if (!row) throw new Error(`${kind} ${name} is not in the catalog`);
    return row.id;
  };
  const teams = [0, ...Array.from({ length: TEAMS }, (_, i) => idOf('Group', teamName(i + 1)))];
  const platformTeams = [
    0,
    ...Array.from({ length: PLATFORM_TEAMS }, (_, i) => idOf('Group', platformTeamName(i + 1))),
  ];
  const capabilities = [{ id: 0, owner: 0 }];
  for (let c = 1; c <= PLATFORM_TEAMS * CAPABILITIES_PER_PLATFORM_TEAM; c++) {
    const owner = Math.floor((c - 1) / CAPABILITIES_PER_PLATFORM_TEAM) + 1;
    capabilities.push({ id: idOf('Capability', capabilityName(c)), owner: platformTeams[owner] as number });
  }
  return { teams, platformTeams, capabilities };
}
