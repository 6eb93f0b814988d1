import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { formatProblem } from '../modules/catalog/entity.js';
import { parseCatalogFiles } from '../modules/catalog/parse-catalog-files.js';
import { generateDemoCatalog } from './generate-catalog.js';
import { createRandom } from '../shared/random.js';

const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const catalog = generateDemoCatalog();

interface Doc {
  apiVersion: string;
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
  spec: Record<string, unknown>;
}
const docs = catalog.files.flatMap((f) =>
  parseAllDocuments(f.content).map((d) => {
    expect(d.errors, f.path).toEqual([]);
    return d.toJS() as Doc;
  }),
);
const ofKind = (kind: string) => docs.filter((d) => d.kind === kind);

/** `[kind:][namespace/]name` → `kind:namespace/name`, as Backstage resolves it. */
function fullRef(text: unknown, defaultKind: string): string {
  const m = /^(?:([^:/]+):)?(?:([^/]+)\/)?(.+)$/.exec(String(text));
  return `${m?.[1] ?? defaultKind}:${m?.[2] ?? 'default'}/${m?.[3] ?? ''}`.toLowerCase();
}
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

describe('createRandom', () => {
  it('repeats for the same seed and stream, and differs across seeds and streams', () => {
    const draw = (seed: number, stream?: string) => {
      const rng = createRandom(seed, stream);
      return Array.from({ length: 5 }, () => rng.next());
    };
    expect(draw(42, 'a')).toEqual(draw(42, 'a'));
    expect(draw(42, 'a')).not.toEqual(draw(43, 'a'));
    expect(draw(42, 'a')).not.toEqual(draw(42, 'b'));
  });

  it('keeps int within its inclusive bounds and shuffle a permutation', () => {
    const rng = createRandom(1);
    const seen = new Set(Array.from({ length: 500 }, () => rng.int(3, 8)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7, 8]);
    expect(rng.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(rng.weightedIndex([0, 0, 1])).toBe(2);
    expect(() => rng.pick([])).toThrow();
  });
});

describe('generateDemoCatalog', () => {
  it('is byte-for-byte identical for the same seed, 42 by default, and differs for another seed', () => {
    expect(JSON.stringify(generateDemoCatalog(42))).toBe(JSON.stringify(catalog));
    expect(generateDemoCatalog(7).files).not.toEqual(catalog.files);
  });

  it.each([1, 7, 42, 2024, 987654])('produces an organisation of the requested size for seed %i', (seed) => {
    const c = generateDemoCatalog(seed);
    const customers = c.teams.filter((t) => t.role === 'customer');
    const platform = c.teams.filter((t) => t.role === 'platform');
    expect(customers.length).toBeGreaterThanOrEqual(28);
    expect(customers.length).toBeLessThanOrEqual(32);
    expect(new Set(customers.map((t) => t.department)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(customers.map((t) => t.department)).size).toBeLessThanOrEqual(5);
    expect(platform.map((t) => t.name).sort()).toEqual([
      'platform-ci',
      'platform-data',
      'platform-devex',
      'platform-observability',
      'platform-runtime',
    ]);
    expect(new Set(platform.map((t) => t.department))).toEqual(new Set(['platform-engineering']));
    expect(c.services.length).toBeGreaterThanOrEqual(230);
    expect(c.services.length).toBeLessThanOrEqual(270);
    expect(c.capabilities).toHaveLength(12);
    for (const team of c.teams) {
      expect(team.members.length).toBeGreaterThanOrEqual(3);
      expect(team.members.length).toBeLessThanOrEqual(8);
    }
    const onGithub = c.services.filter((s) => s.repository.provider === 'github').length / c.services.length;
    expect(onGithub).toBeGreaterThan(0.8);
    expect(onGithub).toBeLessThan(0.9);
    const inProduction = c.services.filter((s) => s.lifecycle === 'production').length / c.services.length;
    expect(inProduction).toBeGreaterThan(0.7);
  });

  it('writes the same entities to YAML as the plain data holds', () => {
    expect(ofKind('Group')).toHaveLength(1 + catalog.departments.length + catalog.teams.length);
    expect(ofKind('User').map((d) => d.metadata.name)).toEqual(catalog.users.map((u) => u.name));
    expect(
      ofKind('Component')
        .map((d) => d.metadata.name)
        .sort(),
    ).toEqual(catalog.services.map((s) => s.name).sort());
    expect(ofKind('Domain')).toHaveLength(catalog.domains.length);
    expect(ofKind('System')).toHaveLength(catalog.systems.length);
    expect(ofKind('API')).toHaveLength(catalog.apis.length);
    expect(ofKind('Resource')).toHaveLength(catalog.resources.length);
    expect(ofKind('Capability').map((d) => d.metadata.name)).toEqual(catalog.capabilities.map((c) => c.name));
    for (const cap of ofKind('Capability')) expect(cap.apiVersion).toBe('paved.dev/v1alpha1');
    for (const user of catalog.users) expect(user.email).toMatch(/^[a-z0-9.]+@acme\.example$/);
  });

  it('has a root Location whose relative targets name every other file', () => {
    const [root, ...rest] = catalog.files;
    expect(root?.path).toBe('catalog-info.yaml');
    const location = parseAllDocuments(root?.content ?? '').map((d) => d.toJS() as Doc);
    expect(location).toHaveLength(1);
    expect(location[0]?.kind).toBe('Location');
    expect(location[0]?.spec.targets).toEqual(rest.map((f) => `./${f.path}`));
    expect(rest.map((f) => f.path)).toEqual(
      expect.arrayContaining([
        'org/departments.yaml',
        'org/teams/checkout.yaml',
        'services/payments.yaml',
        'platform/capabilities.yaml',
      ]),
    );
  });

  it('resolves every owner, parent, child, member, system, domain, API and resource reference', () => {
    const defined = new Set(docs.map((d) => fullRef(d.metadata.name, d.kind)));
    const refs: string[] = [];
    for (const d of docs) {
      if (d.spec.owner !== undefined) refs.push(fullRef(d.spec.owner, 'group'));
      if (d.spec.parent !== undefined) refs.push(fullRef(d.spec.parent, 'group'));
      if (d.kind !== 'Domain' && d.spec.system !== undefined) refs.push(fullRef(d.spec.system, 'system'));
      if (d.spec.domain !== undefined) refs.push(fullRef(d.spec.domain, 'domain'));
      refs.push(...asList(d.spec.children).map((c) => fullRef(c, 'group')));
      refs.push(...asList(d.spec.memberOf).map((g) => fullRef(g, 'group')));
      refs.push(...asList(d.spec.providesApis).map((a) => fullRef(a, 'api')));
      refs.push(...asList(d.spec.consumesApis).map((a) => fullRef(a, 'api')));
      refs.push(...asList(d.spec.dependsOn).map((r) => fullRef(r, 'component')));
    }
    expect(refs.length).toBeGreaterThan(600);
    expect(refs.filter((r) => !defined.has(r))).toEqual([]);
    for (const d of ofKind('Component')) expect(String(d.spec.owner)).toMatch(/^group:default\/[a-z0-9-]+$/);
  });

  it('keeps every Group parent and children consistent: organisation → departments → teams', () => {
    const groups = new Map(ofKind('Group').map((g) => [g.metadata.name, g]));
    for (const [name, group] of groups) {
      for (const child of asList(group.spec.children)) expect(groups.get(String(child))?.spec.parent).toBe(name);
      if (group.spec.parent !== undefined) {
        expect(asList(groups.get(String(group.spec.parent))?.spec.children)).toContain(name);
      }
    }
    const types = (type: string) => ofKind('Group').filter((g) => g.spec.type === type);
    expect(types('department')).toHaveLength(6);
    for (const team of types('team')) expect(groups.get(String(team.spec.parent))?.spec.type).toBe('department');
  });

  it('gives every entity a valid Backstage name, unique within its kind', () => {
    for (const kind of new Set(docs.map((d) => d.kind))) {
      const names = ofKind(kind).map((d) => d.metadata.name);
      expect(new Set(names).size, kind).toBe(names.length);
      for (const name of names) {
        expect(name.length).toBeLessThanOrEqual(63);
        expect(name).toMatch(NAME);
      }
    }
  });

  it('gives each customer team a service and each platform team a capability', () => {
    for (const team of catalog.teams) {
      if (team.role === 'customer')
        expect(
          catalog.services.some((s) => s.owner === team.name),
          team.name,
        ).toBe(true);
      else
        expect(
          catalog.capabilities.some((c) => c.owner === team.name),
          team.name,
        ).toBe(true);
    }
    const platform = new Set(catalog.teams.filter((t) => t.role === 'platform').map((t) => t.name));
    for (const cap of catalog.capabilities) expect(platform.has(cap.owner)).toBe(true);
  });

  it('annotates each component with its repository and, in production, its PagerDuty service', () => {
    const ids = new Set<string>();
    for (const d of ofKind('Component')) {
      const a = d.metadata.annotations ?? {};
      const name = d.metadata.name;
      const slug = a['github.com/project-slug'] ?? a['gitlab.com/project-slug'];
      expect(slug).toBe(`acme/${name}`);
      expect(a['backstage.io/source-location']).toMatch(new RegExp(`^url:https://git(hub|lab)\\.com/acme/${name}/$`));
      const pd = a['pagerduty.com/service-id'];
      if (pd !== undefined) {
        expect(pd).toMatch(/^P[A-Z0-9]{6}$/);
        expect(d.spec.lifecycle).toBe('production');
        ids.add(pd);
      }
    }
    const onCall = catalog.services.filter((s) => s.lifecycle === 'production' && s.type !== 'library');
    expect(ids.size).toBe(onCall.length);
  });

  it('declares capabilities with a believable lifecycle mix, GA dates, docs and compiling detect rules', () => {
    const count = (lifecycle: string) => catalog.capabilities.filter((c) => c.lifecycle === lifecycle).length;
    expect(count('ga')).toBeGreaterThanOrEqual(8);
    expect(count('beta')).toBeGreaterThanOrEqual(1);
    expect(count('beta')).toBeLessThanOrEqual(2);
    expect(count('experimental')).toBe(1);
    expect(count('deprecated')).toBe(1);
    expect(new Set(catalog.capabilities.map((c) => c.category))).toEqual(
      new Set(['ci', 'deploy', 'observability', 'data', 'security', 'developer-portal']),
    );
    const ecosystems = new Set<string>();
    for (const cap of catalog.capabilities) {
      expect(cap.docs).toBe(`https://docs.acme.example/platform/${cap.name}`);
      if (cap.lifecycle === 'beta' || cap.lifecycle === 'experimental') expect(cap.gaDate).toBeNull();
      else expect(cap.gaDate).toMatch(/^202[4-6]-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
      expect(cap.detect.length).toBeGreaterThan(0);
      for (const rule of cap.detect) {
        if ('dependency' in rule) {
          ecosystems.add(rule.dependency.ecosystem);
          continue;
        }
        expect(rule.files).not.toMatch(/^\/|^[A-Za-z]:|(^|\/)\.\.(\/|$)/);
        if (rule.pattern !== undefined) expect(() => new RegExp(rule.pattern ?? '')).not.toThrow();
      }
    }
    expect(ecosystems).toEqual(new Set(['npm', 'python', 'go', 'maven']));
    const golden = catalog.capabilities.find((c) => c.name === 'golden-ci')?.detect[0];
    expect(
      golden &&
        'pattern' in golden &&
        new RegExp(golden.pattern ?? '').test('      uses: acme/golden-ci/.github/workflows/build.yml@v3'),
    ).toBe(true);
  });

  it('imports through the catalog parser with no problems or warnings and every relation resolved', () => {
    const result = parseCatalogFiles(catalog.files);
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.warnings.map(formatProblem)).toEqual([]);
    expect(result.skipped).toEqual([]);
    const byKind: Record<string, number> = {};
    for (const e of result.entities) byKind[e.kind] = (byKind[e.kind] ?? 0) + 1;
    expect(byKind).toEqual({
      Group: 1 + catalog.departments.length + catalog.teams.length,
      User: catalog.users.length,
      Domain: catalog.domains.length,
      System: catalog.systems.length,
      Component: catalog.services.length,
      API: catalog.apis.length,
      Resource: catalog.resources.length,
      Capability: 12,
    });
    const refs = new Set(result.entities.map((e) => e.ref));
    const dangling = result.entities.flatMap((e) => e.relations.filter((r) => !refs.has(r.targetRef)));
    expect(dangling).toEqual([]);
  });
});
