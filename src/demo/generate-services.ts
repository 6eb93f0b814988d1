import {
  demoRef,
  type DemoComponentType,
  type DemoEcosystem,
  type DemoLanguage,
  type DemoService,
  type DemoServiceLifecycle,
  type DemoTeam,
} from './demo-catalog.js';
import { CUSTOMER_DEPARTMENTS, NAME_SUFFIXES, PLATFORM_TEAMS } from './names.js';
import { createRandom, type Random } from '../shared/random.js';

/** Services owned by customer teams, on top of the platform teams' own few (13). */
const CUSTOMER_SERVICES = { min: 220, max: 250 } as const;
const GITLAB_SHARE = 0.15;
const LANGUAGES: readonly DemoLanguage[] = ['typescript', 'go', 'java', 'kotlin', 'python'];
const LANGUAGE_WEIGHTS = [30, 25, 20, 10, 15];
const ECOSYSTEM: Record<DemoLanguage, DemoEcosystem> = {
  typescript: 'npm',
  python: 'python',
  go: 'go',
  java: 'maven',
  kotlin: 'maven',
};
const ACRONYMS: Record<string, string> = {
  api: 'API',
  ui: 'UI',
  sdk: 'SDK',
  grpc: 'gRPC',
  sms: 'SMS',
  seo: 'SEO',
  mfa: 'MFA',
  cms: 'CMS',
  eta: 'ETA',
  vat: 'VAT',
  ci: 'CI',
  slo: 'SLO',
};

const nounsByTeam = new Map(
  CUSTOMER_DEPARTMENTS.flatMap((d) => d.systems.flatMap((s) => s.teams.map((t) => [t.name, t.nouns] as const))),
);

/**
 * Every team's Components. Customer teams own between 3 and 16, bigger teams more; a few whole teams keep
 * their repositories on GitLab (about 15 % of services), which sets `team.scm` on those teams.
 */
export function generateServices(seed: number, teams: DemoTeam[]): DemoService[] {
  const rng = createRandom(seed, 'services');
  const customers = teams.filter((t) => t.role === 'customer');
  const counts = allocateCounts(rng, customers);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);

  let onGitlab = 0;
  for (const team of rng.shuffle(customers)) {
    const n = counts.get(team.name) ?? 0;
    if (onGitlab + n > total * GITLAB_SHARE) continue;
    team.scm = 'gitlab';
    onGitlab += n;
  }

  const taken = new Set<string>();
  const pagerDutyIds = new Set<string>();
  const services: DemoService[] = [];
  for (const team of teams) {
    const language = LANGUAGES[rng.weightedIndex(LANGUAGE_WEIGHTS)] ?? 'typescript';
    const build = (
      name: string,
      type: DemoComponentType,
      lifecycle: DemoServiceLifecycle,
      description: string,
      core: boolean,
    ) => {
      taken.add(name);
      const lang = type === 'website' ? 'typescript' : rng.chance(0.8) ? language : rng.pick(LANGUAGES);
      services.push(makeService(rng, team, { name, type, lifecycle, description, language: lang, core }, pagerDutyIds));
    };

    const platform = PLATFORM_TEAMS.find((p) => p.name === team.name);
    if (platform) {
      for (const [name, type, description] of platform.services) build(name, type, 'production', description, true);
      continue;
    }
    const nouns = nounsByTeam.get(team.name) ?? [team.name];
    const count = counts.get(team.name) ?? 0;
    for (let i = 0; i < count; i++) {
      const core = i === 0; // the team's namesake service: the oldest, always in production
      const type: DemoComponentType = core ? 'service' : pickType(rng);
      const lifecycle: DemoServiceLifecycle = core ? 'production' : pickLifecycle(rng);
      const { name, description } = core
        ? describe(nouns[0] ?? team.name, NAME_SUFFIXES.service[0] ?? ['service', '{noun}'])
        : uniqueName(rng, taken, nouns, type, lifecycle);
      build(name, type, lifecycle, description, core);
    }
  }
  return services;
}

function allocateCounts(rng: Random, customers: DemoTeam[]): Map<string, number> {
  const counts = new Map(customers.map((t) => [t.name, 3]));
  const max = 16;
  let left = rng.int(CUSTOMER_SERVICES.min, CUSTOMER_SERVICES.max) - 3 * customers.length;
  while (left > 0) {
    const weights = customers.map((t) => ((counts.get(t.name) ?? 0) < max ? t.members.length + 2 : 0));
    const team = customers[rng.weightedIndex(weights)];
    if (!team) break;
    counts.set(team.name, (counts.get(team.name) ?? 0) + 1);
    left--;
  }
  return counts;
}

function pickType(rng: Random): DemoComponentType {
  return (['service', 'website', 'library'] as const)[rng.weightedIndex([70, 15, 15])] ?? 'service';
}

function pickLifecycle(rng: Random): DemoServiceLifecycle {
  return (['production', 'experimental', 'deprecated'] as const)[rng.weightedIndex([80, 12, 8])] ?? 'production';
}

function describe(noun: string, [suffix, template]: readonly [string, string]): { name: string; description: string } {
  return { name: `${noun}-${suffix}`, description: template.replace('{noun}', noun.replace(/-/g, ' ')) };
}

function uniqueName(
  rng: Random,
  taken: Set<string>,
  nouns: readonly string[],
  type: DemoComponentType,
  lifecycle: DemoServiceLifecycle,
): { name: string; description: string } {
  let candidate = describe(rng.pick(nouns), rng.pick(NAME_SUFFIXES[type]));
  for (let attempt = 0; taken.has(candidate.name) && attempt < 30; attempt++) {
    candidate = describe(rng.pick(nouns), rng.pick(NAME_SUFFIXES[type]));
  }
  if (lifecycle === 'deprecated') {
    // Deprecated services are often the first version of something that was rewritten.
    candidate = { name: `${candidate.name}-v1`, description: `${candidate.description} Deprecated: being replaced.` };
  }
  for (let n = 2; taken.has(candidate.name); n++)
    candidate = { ...candidate, name: `${candidate.name.replace(/-\d+$/, '')}-${n}` };
  return candidate;
}

function titleCase(name: string): string {
  return name
    .split('-')
    .map((w) => ACRONYMS[w] ?? (/^v\d+$/.test(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ');
}

interface ServiceDraft {
  name: string;
  type: DemoComponentType;
  lifecycle: DemoServiceLifecycle;
  description: string;
  language: DemoLanguage;
  core: boolean;
}

function makeService(rng: Random, team: DemoTeam, draft: ServiceDraft, pagerDutyIds: Set<string>): DemoService {
  const { name, type, lifecycle } = draft;
  const host = team.scm === 'gitlab' ? 'gitlab.com' : 'github.com';
  const onCall = lifecycle === 'production' && type !== 'library';
  return {
    name,
    ref: demoRef('component', name),
    title: titleCase(name),
    description: draft.description,
    type,
    lifecycle,
    owner: team.name,
    ownerRef: team.ref,
    system: team.system,
    department: team.department,
    domain: team.domain,
    language: draft.language,
    ecosystem: ECOSYSTEM[draft.language],
    repository: { provider: team.scm, slug: `acme/${name}`, url: `https://${host}/acme/${name}` },
    pagerDutyServiceId: onCall ? pagerDutyId(rng, pagerDutyIds) : null,
    createdOn: createdOn(rng, draft.core ? 'core' : lifecycle),
    providesApis: [],
    consumesApis: [],
    dependsOn: [],
  };
}

const PD_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function pagerDutyId(rng: Random, taken: Set<string>): string {
  for (;;) {
    let id = 'P';
    for (let i = 0; i < 6; i++) id += PD_ALPHABET.charAt(rng.int(0, PD_ALPHABET.length - 1));
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

/** First-commit date windows: core services are old, experiments recent, deprecated ones older. */
const CREATED: Record<'core' | DemoServiceLifecycle, readonly [string, string]> = {
  core: ['2016-01-01', '2020-12-31'],
  production: ['2017-01-01', '2025-06-30'],
  experimental: ['2025-01-01', '2025-12-31'],
  deprecated: ['2015-06-01', '2021-12-31'],
};

function createdOn(rng: Random, kind: keyof typeof CREATED): string {
  const [from, to] = CREATED[kind].map((d) => Date.parse(`${d}T00:00:00Z`) / 86_400_000) as [number, number];
  return new Date(rng.int(from, to) * 86_400_000).toISOString().slice(0, 10);
}
