/**
 * A large, realistic Backstage-format catalog for benchmarks: an organisation, departments, teams nested under
 * them, one catalog-info.yaml per service repository, and the platform teams' Capabilities. Deterministic for a
 * given scale and seed, so every run imports the same bytes.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { createRandom, type Random } from '../src/shared/random.js';
import {
  ACRONYMS,
  CAPABILITY_THEMES,
  DEPARTMENTS,
  FIRST_NAMES,
  LAST_NAMES,
  QUALIFIERS,
  ROLES,
  SERVICE_NOUNS,
  TEAM_FOCUS,
} from './large-catalog-words.js';

export interface CatalogScale {
  /** Group entities in all: the organisation, its departments and the teams under them. */
  groups: number;
  users: number;
  services: number;
  capabilities: number;
}

export interface GeneratedCatalog {
  scale: CatalogScale;
  departments: number;
  teams: number;
  files: number;
  bytes: number;
  /** Teams that own at least one service: the owner filter draws from these. */
  serviceOwners: string[];
  serviceNames: string[];
}

const ORG = 'acme';
const PLATFORM_DEPARTMENT = 'platform-engineering';
const TEAMS_PER_DEPARTMENT = 40;
const MAX_DEPARTMENTS = 50;

type Doc = Record<string, unknown>;
const entity = (kind: string, metadata: Doc, spec: Doc, apiVersion = 'backstage.io/v1alpha1'): Doc => ({
  apiVersion,
  kind,
  metadata,
  spec,
});
const yaml = (docs: Doc[]) => docs.map((d) => stringify(d, { lineWidth: 0 })).join('---\n');
const titleOf = (name: string) =>
  name
    .split(/[-.]/)
    .map((w) => (ACRONYMS.has(w) ? w.toUpperCase() : `${w.slice(0, 1).toUpperCase()}${w.slice(1)}`))
    .join(' ');

interface Team {
  name: string;
  department: string;
  platform: boolean;
}

/** Departments (at most 50, about 40 teams each) and their teams; the last department is the platform's. */
function planTeams(rng: Random, groups: number): { departments: string[]; teams: Team[] } {
  if (groups < 3) throw new Error('BENCH_TEAMS must be at least 3 (organisation, one department, one team)');
  const departmentCount = Math.min(MAX_DEPARTMENTS, Math.max(1, Math.round(groups / TEAMS_PER_DEPARTMENT)), groups - 2);
  const departments = [...DEPARTMENTS.slice(0, departmentCount - 1), PLATFORM_DEPARTMENT];
  const teamCount = groups - 1 - departmentCount;
  const teams: Team[] = [];
  const focusByDepartment = new Map(departments.map((d) => [d, rng.shuffle(TEAM_FOCUS)]));
  for (let i = 0; i < teamCount; i++) {
    const department = departments[i % departments.length] as string;
    const focus = focusByDepartment.get(department) as string[];
    const round = Math.floor(i / departments.length);
    // Past the focus list (tiny department counts), names get a number, as real orgs do: payments-core-2.
    const word = focus[round % focus.length] as string;
    const suffix = round >= focus.length ? `-${Math.floor(round / focus.length) + 1}` : '';
    teams.push({ name: `${department}-${word}${suffix}`, department, platform: department === PLATFORM_DEPARTMENT });
  }
  return { departments, teams };
}

/** Services per team follow a skewed spread: most teams own a handful, a few own dozens. */
function ownerPicker(rng: Random, teams: Team[]): () => Team {
  const cumulative: number[] = [];
  let total = 0;
  for (const _team of teams) {
    total += 0.2 + rng.next() ** 3 * 4;
    cumulative.push(total);
  }
  return () => {
    const r = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) > r) hi = mid;
      else lo = mid + 1;
    }
    return teams[lo] as Team;
  };
}

function serviceName(rng: Random, taken: Set<string>): string {
  for (let attempt = 0; attempt < 50; attempt++) {
    const name = `${rng.pick(SERVICE_NOUNS)}-${rng.pick(QUALIFIERS)}-${rng.pick(ROLES).name}`;
    if (!taken.has(name)) return name;
  }
  const base = `${rng.pick(SERVICE_NOUNS)}-${rng.pick(ROLES).name}`;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

function pagerDutyId(rng: Random, taken: Set<string>): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  for (;;) {
    let id = 'P';
    for (let i = 0; i < 6; i++) id += alphabet[rng.int(0, alphabet.length - 1)];
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

function serviceDoc(rng: Random, name: string, owner: Team, pagerDutyIds: Set<string>): Doc {
  const role = ROLES.find((r) => name.endsWith(`-${r.name}`) || name.includes(`-${r.name}-`)) ?? ROLES[0];
  const type =
    role?.name === 'web' || role?.name === 'ui'
      ? 'website'
      : role?.name === 'sdk' || role?.name === 'lib'
        ? 'library'
        : 'service';
  const lifecycle = rng.chance(0.85) ? 'production' : rng.chance(0.66) ? 'experimental' : 'deprecated';
  const language = rng.pick(['typescript', 'go', 'java', 'kotlin', 'python']);
  const annotations: Record<string, string> = {
    'github.com/project-slug': `${ORG}/${name}`,
    'backstage.io/source-location': `url:https://github.com/${ORG}/${name}/`,
  };
  if (type === 'service') annotations['pagerduty.com/service-id'] = pagerDutyId(rng, pagerDutyIds);
  const title = titleOf(name);
  // Owners are written both ways real files write them: a bare name and a full reference.
  const ownerRef = rng.chance(0.5) ? owner.name : `group:default/${owner.name}`;
  return entity(
    'Component',
    {
      name,
      title,
      description: `${title}: ${role?.description ?? 'a service'} for the ${titleOf(owner.name)} team.`,
      annotations,
      tags: [language],
    },
    { type, lifecycle, owner: ownerRef },
  );
}

function capabilityDocs(count: number, platformTeams: Team[]): Doc[] {
  const docs: Doc[] = [];
  for (let i = 0; i < count; i++) {
    const theme = CAPABILITY_THEMES[i % CAPABILITY_THEMES.length] as (typeof CAPABILITY_THEMES)[number];
    const generation = Math.floor(i / CAPABILITY_THEMES.length);
    const name = generation === 0 ? theme.name : `${theme.name}-v${generation + 1}`;
    const owner = platformTeams[i % platformTeams.length] as Team;
    const month = String((i % 12) + 1).padStart(2, '0');
    docs.push(
      entity(
        'Capability',
        { name, title: titleOf(name), description: theme.description },
        {
          owner: `group:default/${owner.name}`,
          lifecycle: 'ga',
          category: theme.category,
          gaDate: `2024-${month}-01`,
          docs: `https://docs.${ORG}.example/platform/${name}`,
          detect: [
            { files: theme.files, pattern: theme.pattern },
            { dependency: { ecosystem: 'npm', name: `@${ORG}/${name}` } },
          ],
        },
        'paved.dev/v1alpha1',
      ),
    );
  }
  return docs;
}

function userDocs(rng: Random, count: number, teams: Team[]): Map<string, Doc[]> {
  const byDepartment = new Map<string, Doc[]>();
  const taken = new Set<string>();
  for (let i = 0; i < count; i++) {
    const team = teams[i % teams.length] as Team;
    const base = `${rng.pick(FIRST_NAMES)}.${rng.pick(LAST_NAMES)}`;
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
    taken.add(name);
    const docs = byDepartment.get(team.department) ?? [];
    docs.push(
      entity(
        'User',
        { name },
        { profile: { displayName: titleOf(name), email: `${name}@${ORG}.example` }, memberOf: [team.name] },
      ),
    );
    byDepartment.set(team.department, docs);
  }
  return byDepartment;
}

/** Writes the catalog under `dir` as descriptor files: org/, capabilities/, and repos/<service>/catalog-info.yaml. */
export async function writeLargeCatalog(dir: string, scale: CatalogScale, seed = 42): Promise<GeneratedCatalog> {
  const rng = createRandom(seed, 'bench-catalog');
  const { departments, teams } = planTeams(rng, scale.groups);
  const files = new Map<string, string>();

  files.set(
    'catalog-info.yaml',
    yaml([
      entity(
        'Location',
        { name: `${ORG}-catalog`, description: 'Every descriptor of the organisation.' },
        {
          targets: ['./org/*.yaml', './capabilities/*.yaml', './repos/*/catalog-info.yaml'],
        },
      ),
    ]),
  );
  files.set(
    `org/${ORG}.yaml`,
    yaml([
      entity(
        'Group',
        { name: ORG, title: 'Acme Corp' },
        { type: 'organization', profile: { email: `engineering@${ORG}.example` }, children: departments },
      ),
    ]),
  );
  const users = userDocs(rng, scale.users, teams);
  for (const department of departments) {
    const own = teams.filter((t) => t.department === department);
    files.set(
      `org/${department}.yaml`,
      yaml([
        entity(
          'Group',
          { name: department, title: titleOf(department) },
          { type: 'department', parent: ORG, children: own.map((t) => t.name) },
        ),
        ...own.map((t) =>
          entity(
            'Group',
            { name: t.name, title: titleOf(t.name), description: `${titleOf(t.name)} team.` },
            {
              type: 'team',
              parent: department,
              profile: { email: `${t.name}@${ORG}.example` },
              children: [],
            },
          ),
        ),
        ...(users.get(department) ?? []),
      ]),
    );
  }

  const platformTeams = teams.filter((t) => t.platform);
  for (const doc of capabilityDocs(scale.capabilities, platformTeams)) {
    files.set(`capabilities/${(doc.metadata as { name: string }).name}.yaml`, yaml([doc]));
  }

  const pickOwner = ownerPicker(rng, teams);
  const taken = new Set<string>();
  const pagerDutyIds = new Set<string>();
  const owners = new Set<string>();
  for (let i = 0; i < scale.services; i++) {
    const name = serviceName(rng, taken);
    taken.add(name);
    const owner = pickOwner();
    owners.add(owner.name);
    files.set(`repos/${name}/catalog-info.yaml`, yaml([serviceDoc(rng, name, owner, pagerDutyIds)]));
  }

  let bytes = 0;
  const entries = [...files];
  await Promise.all(
    [...new Set(entries.map(([path]) => dirname(join(dir, path))))].map((d) => mkdir(d, { recursive: true })),
  );
  for (let i = 0; i < entries.length; i += 256) {
    await Promise.all(
      entries.slice(i, i + 256).map(([path, content]) => {
        bytes += Buffer.byteLength(content);
        return writeFile(join(dir, path), content);
      }),
    );
  }
  return {
    scale,
    departments: departments.length,
    teams: teams.length,
    files: files.size,
    bytes,
    serviceOwners: [...owners],
    serviceNames: [...taken],
  };
}
