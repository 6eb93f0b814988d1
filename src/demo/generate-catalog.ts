import { demoCapabilities } from './capabilities.js';
import {
  DEMO_EMAIL_DOMAIN,
  demoRef,
  type DemoApi,
  type DemoCatalog,
  type DemoDepartment,
  type DemoDomain,
  type DemoResource,
  type DemoService,
  type DemoSystem,
  type DemoTeam,
  type DemoTeamRole,
  type DemoUser,
} from './demo-catalog.js';
import { generateServices } from './generate-services.js';
import {
  API_SPECS,
  CUSTOMER_DEPARTMENTS,
  FIRST_NAMES,
  LAST_NAMES,
  PLATFORM_DEPARTMENT,
  PLATFORM_TEAMS,
  RESOURCE_SPECS,
  type DepartmentSpec,
} from './names.js';
import { createRandom, type Random } from '../shared/random.js';
import { renderCatalogFiles } from './render-catalog-files.js';

export type * from './demo-catalog.js';

/**
 * A whole demo organisation for `seed`: 30 customer teams in 5 departments, 5 platform teams, about
 * 250 services, 12 capabilities, as Backstage descriptor files and as plain data. Same seed, same bytes.
 */
export function generateDemoCatalog(seed = 42): DemoCatalog {
  const org = generateOrganisation(seed);
  const services = generateServices(seed, org.teams);
  const { apis, resources } = generateApisAndResources(seed, org.teams, services);
  const data = { seed, ...org, services, apis, resources, capabilities: demoCapabilities() };
  return { ...data, files: renderCatalogFiles(data) };
}

interface Organisation {
  departments: DemoDepartment[];
  teams: DemoTeam[];
  users: DemoUser[];
  domains: DemoDomain[];
  systems: DemoSystem[];
}

function generateOrganisation(seed: number): Organisation {
  const rng = createRandom(seed, 'organisation');
  const org: Organisation = { departments: [], teams: [], users: [], domains: [], systems: [] };
  const userNames = new Set<string>();

  const addDepartment = (spec: Pick<DepartmentSpec, 'name' | 'title' | 'domain'>, role: DemoTeamRole) => {
    const ownerRef = demoRef('group', spec.name);
    org.domains.push({ ...spec.domain, ref: demoRef('domain', spec.domain.name), owner: spec.name, ownerRef });
    const department: DemoDepartment = {
      name: spec.name,
      ref: ownerRef,
      title: spec.title,
      role,
      domain: spec.domain.name,
      teams: [],
    };
    org.departments.push(department);
    return department;
  };
  const addSystem = (
    spec: { name: string; title: string; description: string },
    owner: string,
    department: DemoDepartment,
  ) => {
    org.systems.push({
      ...spec,
      ref: demoRef('system', spec.name),
      owner,
      ownerRef: demoRef('group', owner),
      domain: department.domain,
      department: department.name,
    });
  };
  const addTeam = (
    spec: { name: string; title: string },
    role: DemoTeamRole,
    department: DemoDepartment,
    system: string,
  ) => {
    const members = Array.from({ length: rng.int(3, 8) }, () => newUser(rng, userNames, spec.name));
    org.users.push(...members);
    department.teams.push(spec.name);
    org.teams.push({
      name: spec.name,
      ref: demoRef('group', spec.name),
      title: spec.title,
      role,
      department: department.name,
      domain: department.domain,
      system,
      email: `${spec.name}@${DEMO_EMAIL_DOMAIN}`,
      scm: 'github',
      members,
    });
  };

  for (const spec of CUSTOMER_DEPARTMENTS) {
    const department = addDepartment(spec, 'customer');
    for (const system of spec.systems) {
      addSystem(system, system.teams[0]?.name ?? spec.name, department);
      for (const team of system.teams) addTeam(team, 'customer', department, system.name);
    }
  }
  const platform = addDepartment(PLATFORM_DEPARTMENT, 'platform');
  addSystem(PLATFORM_DEPARTMENT.system, 'platform-devex', platform);
  for (const team of PLATFORM_TEAMS) addTeam(team, 'platform', platform, PLATFORM_DEPARTMENT.system.name);
  return org;
}

function newUser(rng: Random, taken: Set<string>, team: string): DemoUser {
  let first = rng.pick(FIRST_NAMES);
  let last = rng.pick(LAST_NAMES);
  for (let attempt = 0; taken.has(`${first}.${last}`.toLowerCase()) && attempt < 20; attempt++) {
    first = rng.pick(FIRST_NAMES);
    last = rng.pick(LAST_NAMES);
  }
  const base = `${first}.${last}`.toLowerCase();
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
  taken.add(name);
  return {
    name,
    ref: demoRef('user', name),
    displayName: `${first} ${last}`,
    email: `${name}@${DEMO_EMAIL_DOMAIN}`,
    team,
  };
}

/** A few APIs (provided by the owning team's core service, consumed across teams) and the resources behind them. */
function generateApisAndResources(seed: number, teams: DemoTeam[], services: DemoService[]) {
  const rng = createRandom(seed, 'apis');
  const teamByName = new Map(teams.map((t) => [t.name, t]));
  const owned = (team: string) => services.filter((s) => s.owner === team);
  const running = services.filter((s) => s.lifecycle === 'production' && s.type !== 'library');

  const apis: DemoApi[] = [];
  for (const [name, type, owner, title] of API_SPECS) {
    const team = teamByName.get(owner);
    const provider = owned(owner)[0];
    if (!team || !provider) throw new Error(`API ${name}: unknown owner ${owner}`);
    provider.providesApis.push(name);
    for (const consumer of rng.sample(
      running.filter((s) => s.owner !== owner),
      rng.int(2, 6),
    )) {
      consumer.consumesApis.push(name);
    }
    apis.push({
      name,
      ref: demoRef('api', name),
      title,
      type,
      owner,
      ownerRef: team.ref,
      system: team.system,
      provider: provider.name,
      definition: apiDefinition(name, type, title),
    });
  }

  const resources: DemoResource[] = [];
  for (const [name, type, owner] of RESOURCE_SPECS) {
    const team = teamByName.get(owner);
    const [core, ...rest] = owned(owner);
    if (!team || !core) throw new Error(`Resource ${name}: unknown owner ${owner}`);
    const users = [
      core,
      ...rng.sample(
        rest.filter((s) => s.type === 'service'),
        rng.int(0, 2),
      ),
    ];
    for (const s of users) s.dependsOn.push(name);
    resources.push({ name, ref: demoRef('resource', name), type, owner, ownerRef: team.ref, system: team.system });
  }
  // Keep each list in a stable, readable order whatever the draw order was.
  for (const s of services) s.consumesApis.sort();
  return { apis, resources };
}

function apiDefinition(name: string, type: DemoApi['type'], title: string): string {
  const pkg = name.replace(/-(api|events)$/, '').replace(/-/g, '_');
  switch (type) {
    case 'openapi':
      return `openapi: 3.0.3\ninfo:\n  title: ${title}\n  version: 1.0.0\nservers:\n  - url: https://api.acme.example/${pkg}\npaths: {}\n`;
    case 'grpc':
      return `syntax = "proto3";\n\npackage acme.${pkg}.v1;\n\nservice ${title.replace(/[^A-Za-z]/g, '')} {}\n`;
    case 'asyncapi':
      return `asyncapi: 2.6.0\ninfo:\n  title: ${title}\n  version: 1.0.0\nchannels:\n  ${name}: {}\n`;
  }
}
