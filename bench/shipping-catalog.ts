/**
 * The shipping benchmark's organisation: TEAMS customer teams (team-0001 …) owning two services each, and
 * PLATFORM_TEAMS platform teams owning six capabilities each (60 in all). One person, READER, is a member of
 * team-0002: feed tokens belong to a person, so the bench reads the feeds as them.
 */
import type { Db } from '../src/db/schema/index.js';
import { runImport } from '../src/modules/imports/run-import.js';

export const TEAMS = 2_000;
export const SERVICES_PER_TEAM = 2;
export const PLATFORM_TEAMS = 10;
export const CAPABILITIES_PER_PLATFORM_TEAM = 6;
export const CAPABILITIES = PLATFORM_TEAMS * CAPABILITIES_PER_PLATFORM_TEAM;
/** People per customer team (votes name them by ref; they are not catalog entities). */
export const PEOPLE_PER_TEAM = 5;
export const READER = 'bench-reader';

const pad = (n: number, width: number) => String(n).padStart(width, '0');
export const teamName = (t: number) => `team-${pad(t, 4)}`;
export const platformTeamName = (p: number) => `platform-${pad(p, 2)}`;
export const capabilityName = (c: number) => `capability-${pad(c, 2)}`;
export const serviceName = (t: number, s: number) => `svc-${pad(t, 4)}-${s}`;
export const personRef = (p: number) => `user:default/person-${pad(p, 5)}`;
/** Person p (1-based) is in team ceil(p / PEOPLE_PER_TEAM). */
export const teamOfPerson = (p: number) => Math.ceil(p / PEOPLE_PER_TEAM);

function catalogFile(): { path: string; content: string } {
  const docs: string[] = [];
  const group = (name: string) =>
    `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: ${name} }\nspec: { type: team, children: [] }\n`;
  for (let t = 1; t <= TEAMS; t++) {
    docs.push(group(teamName(t)));
    for (let s = 1; s <= SERVICES_PER_TEAM; s++)
      docs.push(
        `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: ${serviceName(t, s)} }\n` +
          `spec: { type: service, lifecycle: production, owner: ${teamName(t)} }\n`,
      );
  }
  for (let p = 1; p <= PLATFORM_TEAMS; p++) {
    docs.push(group(platformTeamName(p)));
    for (let k = 0; k < CAPABILITIES_PER_PLATFORM_TEAM; k++) {
      const c = (p - 1) * CAPABILITIES_PER_PLATFORM_TEAM + k + 1;
      docs.push(
        `apiVersion: paved.dev/v1alpha1\nkind: Capability\nmetadata: { name: ${capabilityName(c)}, title: Capability ${c} }\n` +
          `spec: { owner: ${platformTeamName(p)}, lifecycle: ga, category: platform }\n`,
      );
    }
  }
  docs.push(
    `apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata: { name: ${READER} }\n` +
      `spec: { profile: { email: ${READER}@example.com }, memberOf: [${teamName(2)}] }\n`,
  );
  return { path: 'catalog-info.yaml', content: docs.join('---\n') };
}

export interface ShippingIds {
  /** Customer team number (1-based) → entity id (index 0 unused). */
  teams: number[];
  /** Service (team t, service s) → entity id, at index (t - 1) * SERVICES_PER_TEAM + (s - 1). */
  services: number[];
  /** Capability number (1-based) → entity id (index 0 unused). */
  capabilities: number[];
}

/** Imports the catalog through the real import path and reads back the ids the generated rows refer to. */
export async function importShippingCatalog(db: Db): Promise<ShippingIds> {
  const imported = await runImport(db, { files: [catalogFile()], source: 'bench', skipInvalid: false, actor: 'bench' });
  if (imported.status !== 'succeeded')
    throw new Error(`the catalog did not import: ${imported.problems.slice(0, 3).join('; ')}`);
  const rows = await db.selectFrom('entities').select(['id', 'kind', 'name']).execute();
  const byName = new Map(rows.map((r) => [`${r.kind} ${r.name}`, r.id]));
  const idOf = (kind: string, name: string) => {
    const id = byName.get(`${kind} ${name}`);
    if (id === undefined) throw new Error(`${kind} ${name} is not in the catalog`);
    return id;
  };
  const teams = [0, ...Array.from({ length: TEAMS }, (_, i) => idOf('Group', teamName(i + 1)))];
  const services: number[] = [];
  for (let t = 1; t <= TEAMS; t++)
    for (let s = 1; s <= SERVICES_PER_TEAM; s++) services.push(idOf('Component', serviceName(t, s)));
  const capabilities = [
    0,
    ...Array.from({ length: CAPABILITIES }, (_, i) => idOf('Capability', capabilityName(i + 1))),
  ];
  return { teams, services, capabilities };
}
