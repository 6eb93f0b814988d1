import { describe, expect, it } from 'vitest';
import { formatProblem } from './entity.js';
import type { CatalogFile, ParsedEntity } from './entity.js';
import { parseCatalogFiles } from './parse-catalog-files.js';

// A small organisation written the way Backstage repositories write it.
const ORG = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: engineering
  title: Engineering
spec:
  type: department
  children: [payments, platform-ci]
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: payments
  description: Card payments and payouts.
spec:
  type: team
  parent: engineering
  children: []
  members: [jdoe]
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: platform-ci
spec:
  type: team
  parent: group:default/engineering
  children: []
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: jdoe
spec:
  profile:
    displayName: Jane Doe
    email: jane.doe@example.com
  memberOf: [payments, platform-ci]
`;

const PAYMENTS = `# Backstage catalog for the payments service
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments-api
  description: Takes card payments.
  annotations:
    github.com/project-slug: acme/payments-api
    pagerduty.com/service-id: PX1T2Y3
    backstage.io/techdocs-ref: dir:.
  tags: [java, payments]
  links:
    - url: https://grafana.example.com/d/payments
      title: Dashboard
      icon: dashboard
spec:
  type: service
  lifecycle: production
  owner: payments
  system: payments-platform
  dependsOn: [resource:payments-db]
  providesApis: [payments]
  consumesApis: [api:fraud/fraud-score]
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: payments
spec:
  type: openapi
  lifecycle: production
  owner: payments
  system: payments-platform
  definition:
    $text: ./openapi.yaml
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: payments-db
spec:
  type: database
  owner: group:payments
  system: payments-platform
`;

const SYSTEMS = `apiVersion: backstage.io/v1alpha1
kind: System
metadata:
  name: payments-platform
spec:
  owner: payments
  domain: commerce
---
apiVersion: backstage.io/v1alpha1
kind: Domain
metadata:
  name: commerce
spec:
  owner: engineering
`;

// The Capability from DOMAIN.md, verbatim.
const GOLDEN_CI = `apiVersion: paved.dev/v1alpha1
kind: Capability
metadata:
  name: golden-ci
  title: Golden CI pipeline
  description: Reusable CI workflow with caching, SBOM and signed artifacts.
spec:
  owner: group:default/platform-ci      # the platform team
  lifecycle: ga                         # experimental | beta | ga | deprecated | retired
  category: ci
  gaDate: 2025-03-01                    # optional; else the first release marked ga
  docs: https://docs.example.com/golden-ci
  detect:                               # how adoption is seen in a repository
    - files: ".github/workflows/*.yml"          # glob, relative to the repository root
      pattern: "uses:\\\\s*acme/golden-ci/"      # optional JavaScript regular expression, tested on each line
    - dependency: { ecosystem: npm, name: "@acme/telemetry" }   # shortcut for package manifests
`;

const ALL = `apiVersion: backstage.io/v1alpha1
kind: Location
metadata:
  name: acme-catalog
spec:
  targets:
    - ./org.yaml
    - ./services/payments/catalog-info.yaml
    - ./systems.yaml
    - ./capabilities/golden-ci.yaml
    - ./services/legacy/catalog-info.yaml
    - https://github.com/acme/shared/blob/main/catalog-info.yaml
`;

const REPO: CatalogFile[] = [
  { path: 'all.yaml', content: ALL },
  { path: 'org.yaml', content: ORG },
  { path: 'services/payments/catalog-info.yaml', content: PAYMENTS },
  { path: 'systems.yaml', content: SYSTEMS },
  { path: 'capabilities/golden-ci.yaml', content: GOLDEN_CI },
];

function byRef(entities: ParsedEntity[], ref: string): ParsedEntity {
  const entity = entities.find((e) => e.ref === ref);
  if (!entity) throw new Error(`no entity ${ref}`);
  return entity;
}

function problemsOf(content: string, path = 'catalog-info.yaml'): string[] {
  return parseCatalogFiles([{ path, content }]).problems.map(formatProblem);
}

const component = (spec: string, metadata = '  name: payments-api\n'): string =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n${metadata}spec:\n${spec}`;

describe('parseCatalogFiles on a whole catalog', () => {
  const result = parseCatalogFiles(REPO);

  it('reads every entity, and the Location is followed rather than stored', () => {
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.skipped).toEqual([]);
    expect(result.entities.map((e) => `${e.ref} @ ${e.location}`)).toEqual([
      'group:default/engineering @ org.yaml:1',
      'group:default/payments @ org.yaml:2',
      'group:default/platform-ci @ org.yaml:3',
      'user:default/jdoe @ org.yaml:4',
      'component:default/payments-api @ services/payments/catalog-info.yaml:1',
      'api:default/payments @ services/payments/catalog-info.yaml:2',
      'resource:default/payments-db @ services/payments/catalog-info.yaml:3',
      'system:default/payments-platform @ systems.yaml:1',
      'domain:default/commerce @ systems.yaml:2',
      'capability:default/golden-ci @ capabilities/golden-ci.yaml:1',
    ]);
  });

  it('warns about Location targets it cannot follow', () => {
    expect(result.warnings.map(formatProblem)).toEqual([
      'all.yaml:1: spec.targets[4]: ./services/legacy/catalog-info.yaml not found',
      'all.yaml:1: spec.targets[5]: remote targets are not followed',
    ]);
  });

  it('records the group hierarchy and membership as relations', () => {
    const engineering = byRef(result.entities, 'group:default/engineering');
    expect(engineering.type).toBe('department');
    expect(engineering.title).toBe('Engineering');
    expect(engineering.parentRef).toBeNull();
    expect(engineering.relations).toEqual([
      { type: 'parentOf', targetRef: 'group:default/payments' },
      { type: 'parentOf', targetRef: 'group:default/platform-ci' },
    ]);
    const payments = byRef(result.entities, 'group:default/payments');
    expect(payments.parentRef).toBe('group:default/engineering');
    expect(payments.description).toBe('Card payments and payouts.');
    expect(payments.relations).toEqual([
      { type: 'childOf', targetRef: 'group:default/engineering' },
      { type: 'hasMember', targetRef: 'user:default/jdoe' },
    ]);
    expect(byRef(result.entities, 'group:default/platform-ci').parentRef).toBe('group:default/engineering');
    expect(byRef(result.entities, 'user:default/jdoe').relations).toEqual([
      { type: 'memberOf', targetRef: 'group:default/payments' },
      { type: 'memberOf', targetRef: 'group:default/platform-ci' },
    ]);
  });

  it('normalises a component: owner, system, dependencies, APIs and metadata', () => {
    const service = byRef(result.entities, 'component:default/payments-api');
    expect(service).toMatchObject({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      namespace: 'default',
      name: 'payments-api',
      title: null,
      description: 'Takes card payments.',
      ownerRef: 'group:default/payments',
      type: 'service',
      lifecycle: 'production',
      parentRef: null,
      systemRef: 'system:default/payments-platform',
    });
    expect(service.metadata).toEqual({
      labels: {},
      annotations: {
        'github.com/project-slug': 'acme/payments-api',
        'pagerduty.com/service-id': 'PX1T2Y3',
        'backstage.io/techdocs-ref': 'dir:.',
      },
      tags: ['java', 'payments'],
      links: [{ url: 'https://grafana.example.com/d/payments', title: 'Dashboard', icon: 'dashboard' }],
    });
    expect(service.relations).toEqual([
      { type: 'ownedBy', targetRef: 'group:default/payments' },
      { type: 'partOf', targetRef: 'system:default/payments-platform' },
      { type: 'dependsOn', targetRef: 'resource:default/payments-db' },
      { type: 'providesApi', targetRef: 'api:default/payments' },
      { type: 'consumesApi', targetRef: 'api:fraud/fraud-score' },
    ]);
  });

  it('keeps API, Resource, System and Domain links', () => {
    const api = byRef(result.entities, 'api:default/payments');
    expect(api.spec.definition).toEqual({ $text: './openapi.yaml' });
    expect(api.relations).toEqual([
      { type: 'ownedBy', targetRef: 'group:default/payments' },
      { type: 'partOf', targetRef: 'system:default/payments-platform' },
    ]);
    expect(byRef(result.entities, 'resource:default/payments-db').type).toBe('database');
    const system = byRef(result.entities, 'system:default/payments-platform');
    expect(system.systemRef).toBe('domain:default/commerce');
    expect(system.relations).toEqual([
      { type: 'ownedBy', targetRef: 'group:default/payments' },
      { type: 'partOf', targetRef: 'domain:default/commerce' },
    ]);
    expect(byRef(result.entities, 'domain:default/commerce').ownerRef).toBe('group:default/engineering');
  });

  it('reads the DOMAIN.md capability with its detect rules as written', () => {
    const capability = byRef(result.entities, 'capability:default/golden-ci');
    expect(capability).toMatchObject({
      apiVersion: 'paved.dev/v1alpha1',
      kind: 'Capability',
      title: 'Golden CI pipeline',
      ownerRef: 'group:default/platform-ci',
      lifecycle: 'ga',
      relations: [{ type: 'ownedBy', targetRef: 'group:default/platform-ci' }],
    });
    expect(capability.spec).toEqual({
      owner: 'group:default/platform-ci',
      lifecycle: 'ga',
      category: 'ci',
      gaDate: '2025-03-01',
      docs: 'https://docs.example.com/golden-ci',
      detect: [
        { files: '.github/workflows/*.yml', pattern: 'uses:\\s*acme/golden-ci/' },
        { dependency: { ecosystem: 'npm', name: '@acme/telemetry' } },
      ],
    });
  });
});

describe('parseCatalogFiles problems', () => {
  it('reports a missing required field and does not store the entity', () => {
    const result = parseCatalogFiles([
      { path: 'catalog-info.yaml', content: component('  type: service\n  lifecycle: production\n') },
    ]);
    expect(result.problems.map(formatProblem)).toEqual(['catalog-info.yaml:1: spec.owner: is required']);
    expect(result.entities).toEqual([]);
  });

  it('reports every required field of each kind', () => {
    const doc = (kind: string, apiVersion = 'backstage.io/v1alpha1') =>
      `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: x\nspec: {}\n`;
    const content = ['Group', 'User', 'API', 'Resource', 'Location', 'System', 'Domain']
      .map((k) => doc(k))
      .concat(doc('Capability', 'paved.dev/v1alpha1'))
      .join('---\n');
    expect(problemsOf(content, 'teams.yaml')).toEqual([
      'teams.yaml:1: spec.type: is required',
      'teams.yaml:1: spec.children: is required',
      'teams.yaml:2: spec.memberOf: is required',
      'teams.yaml:3: spec.type: is required',
      'teams.yaml:3: spec.lifecycle: is required',
      'teams.yaml:3: spec.owner: is required',
      'teams.yaml:3: spec.definition: is required',
      'teams.yaml:4: spec.type: is required',
      'teams.yaml:4: spec.owner: is required',
      'teams.yaml:5: spec.target: is required (or spec.targets)',
      'teams.yaml:6: spec.owner: is required',
      'teams.yaml:7: spec.owner: is required',
      'teams.yaml:8: spec.owner: is required',
      'teams.yaml:8: spec.lifecycle: is required',
    ]);
  });

  it('rejects names, namespaces and tags that break the Backstage rules', () => {
    const metadata = '  name: Payments API\n  namespace: Payments\n  tags: [Java, ok]\n';
    expect(problemsOf(component('  type: service\n  lifecycle: production\n  owner: payments\n', metadata))).toEqual([
      'catalog-info.yaml:1: metadata.name: "Payments API" is not a valid name: 1-63 letters, digits, - _ . (starting and ending with a letter or digit)',
      'catalog-info.yaml:1: metadata.namespace: "Payments" is not a valid namespace: 1-63 lowercase letters, digits and single hyphens',
      'catalog-info.yaml:1: metadata.tags[0]: "Java" is not a valid tag: lowercase letters, digits, : + # and single hyphens, at most 63',
    ]);
    expect(problemsOf(component('  type: service\n', `  name: ${'a'.repeat(64)}\n`))[0]).toBe(
      `catalog-info.yaml:1: metadata.name: "${'a'.repeat(64)}" is not a valid name: 1-63 letters, digits, - _ . (starting and ending with a letter or digit)`,
    );
  });

  it('reports malformed YAML with the document and the line', () => {
    // An unquoted colon in a value: the commonest way a hand-written descriptor breaks.
    const content = `${component('  type: service\n  lifecycle: production\n  owner: payments\n')}---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: billing
  description: Billing: invoices and dunning
spec:
  type: service
`;
    const result = parseCatalogFiles([{ path: 'services.yaml', content }]);
    expect(result.problems.map(formatProblem)).toEqual([
      'services.yaml:2: yaml: line 14: Nested mappings are not allowed in compact mappings',
    ]);
    expect(result.entities.map((e) => e.ref)).toEqual(['component:default/payments-api']);
  });

  it('skips kinds Paved does not read, and stores known kinds with their canonical spelling', () => {
    const content = `apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata:
  name: springboot-template
spec:
  type: service
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: payments
---
apiVersion: backstage.io/v1alpha1
kind: component
metadata:
  name: Payments-API
spec: { type: service, lifecycle: production, owner: Payments }
`;
    const result = parseCatalogFiles([{ path: 'mixed.yaml', content }]);
    expect(result.problems).toEqual([]);
    expect(result.skipped).toEqual([
      { file: 'mixed.yaml', document: 1, kind: 'Template' },
      { file: 'mixed.yaml', document: 2, kind: 'Deployment' },
    ]);
    expect(result.entities.map((e) => [e.kind, e.name, e.ref, e.ownerRef])).toEqual([
      ['Component', 'Payments-API', 'component:default/payments-api', 'group:default/payments'],
    ]);
  });

  it('reports the second definition of the same ref, naming the first', () => {
    const spec = '  type: service\n  lifecycle: production\n  owner: payments\n';
    const result = parseCatalogFiles([
      { path: 'services/payments/catalog-info.yaml', content: component(spec) },
      { path: 'legacy/catalog-info.yaml', content: component(spec, '  name: PAYMENTS-API\n') },
    ]);
    expect(result.problems.map(formatProblem)).toEqual([
      'legacy/catalog-info.yaml:1: metadata.name: duplicate of component:default/payments-api defined at services/payments/catalog-info.yaml:1',
    ]);
    expect(result.entities.map((e) => e.location)).toEqual(['services/payments/catalog-info.yaml:1']);
  });

  it('reports an unparseable reference', () => {
    const spec =
      '  type: service\n  lifecycle: production\n  owner: "group:"\n  dependsOn: [ok, "component:default/has space"]\n';
    expect(problemsOf(component(spec))).toEqual([
      'catalog-info.yaml:1: spec.owner: "group:" is not a valid entity reference [kind:][namespace/]name',
      'catalog-info.yaml:1: spec.dependsOn[1]: "component:default/has space" is not a valid entity reference [kind:][namespace/]name: invalid name "has space"',
    ]);
  });

  it('resolves references without a namespace into the entity’s own namespace', () => {
    const content = component(
      '  type: service\n  lifecycle: production\n  owner: payments\n  system: checkout\n',
      '  name: api\n  namespace: shop\n',
    );
    const [entity] = parseCatalogFiles([{ path: 'c.yaml', content }]).entities;
    expect([entity?.ref, entity?.ownerRef, entity?.systemRef]).toEqual([
      'component:shop/api',
      'group:shop/payments',
      'system:shop/checkout',
    ]);
  });

  it('ignores YAML that is not a descriptor: workflows, empty documents, lists', () => {
    const workflow = `name: CI
on: [push]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
`;
    const result = parseCatalogFiles([
      { path: '.github/workflows/ci.yml', content: workflow },
      { path: 'empty.yaml', content: '# nothing here\n' },
      { path: 'lists.yaml', content: '---\n---\n- a\n- b\n---\njust text\n' },
    ]);
    expect(result).toEqual({ entities: [], problems: [], warnings: [], skipped: [] });
  });

  it('keeps script- and SQL-looking text as plain text', () => {
    const metadata = `  name: payments-api\n  title: "<script>alert(1)</script>"\n  description: "'; DROP TABLE entities; --"\n`;
    const [entity] = parseCatalogFiles([
      { path: 'c.yaml', content: component('  type: service\n  lifecycle: production\n  owner: payments\n', metadata) },
    ]).entities;
    expect(entity?.title).toBe('<script>alert(1)</script>');
    expect(entity?.description).toBe("'; DROP TABLE entities; --");
  });

  it('refuses an alias bomb as a problem instead of expanding it', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]']
      .concat(['b', 'c', 'd', 'e'].map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcd'[i]}`).join(', ')}]`))
      .join('\n');
    expect(problemsOf(`kind: Component\n${bomb}\n`, 'bomb.yaml')).toEqual([
      'bomb.yaml:1: yaml: Excessive alias count indicates a resource exhaustion attack',
    ]);
  });

  it('does not throw on binary-looking or structurally odd input', () => {
    const odd = [
      '\u0000\u0001\uFFFD',
      'kind: [Component]\napiVersion: 7\nmetadata: name\nspec: []\n',
      '{{{',
      'a: b: c',
    ];
    const result = parseCatalogFiles(odd.map((content, i) => ({ path: `odd-${i}.yaml`, content })));
    expect(result.entities).toEqual([]);
    expect(result.problems.map(formatProblem)).toContain('odd-1.yaml:1: kind: must be a string');
  });

  it('treats a broken Helm template of another tool’s kind as skipped, not as a problem', () => {
    const helm = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "payments.fullname" . }}
  labels:
    {{- include "payments.labels" . | nindent 4 }}
`;
    const result = parseCatalogFiles([{ path: 'chart/templates/deployment.yaml', content: helm }]);
    expect(result.problems).toEqual([]);
    expect(result.skipped).toEqual([{ file: 'chart/templates/deployment.yaml', document: 1, kind: 'Deployment' }]);
  });

  it('resolves Location targets relative to their file, including globs and paths outside the root', () => {
    const location = `apiVersion: backstage.io/v1alpha1
kind: Location
metadata:
  name: teams
spec:
  targets: [../org.yaml, ./*/catalog-info.yaml, ../../elsewhere/x.yaml, ./nothing/*.yaml, /etc/catalog.yaml]
`;
    const result = parseCatalogFiles([
      { path: 'catalog/all.yaml', content: location },
      { path: './org.yaml', content: ORG },
      { path: 'catalog/payments/catalog-info.yaml', content: PAYMENTS },
      { path: '../elsewhere/x.yaml', content: '' },
    ]);
    expect(result.warnings.map(formatProblem)).toEqual([
      'catalog/all.yaml:1: spec.targets[3]: ./nothing/*.yaml matched no files',
      'catalog/all.yaml:1: spec.targets[4]: absolute targets are not followed',
    ]);
  });
});

describe('parseCatalogFiles per API type, as Backstage schemas are', () => {
  const api = (name: string, spec: string): string =>
    `apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: ${name}\nspec:\n  lifecycle: experimental\n  owner: backstage\n${spec}`;

  it('reads an mcp-server described by spec.remotes, without a definition (Backstage example catalog)', () => {
    const result = parseCatalogFiles([
      {
        path: 'apis.yaml',
        content: api(
          'backstage-mcp-actions',
          '  type: mcp-server\n  remotes:\n    - type: streamable-http\n      url: http://internal.backstage.company:7007/api/mcp-actions/v1\n',
        ),
      },
    ]);
    expect(result.problems.map(formatProblem)).toEqual([]);
    const entity = byRef(result.entities, 'api:default/backstage-mcp-actions');
    expect(entity.type).toBe('mcp-server');
    expect(entity.spec.remotes).toEqual([
      { type: 'streamable-http', url: 'http://internal.backstage.company:7007/api/mcp-actions/v1' },
    ]);
  });

  it('requires remotes of an mcp-server or ai-model-server, each with type and url, and a definition of others', () => {
    const content = [
      api('a', '  type: mcp-server\n'),
      api('b', '  type: mcp-server\n  remotes: []\n'),
      api('c', '  type: ai-model-server\n  remotes:\n    - type: https\n    - url: ""\n    - stdio\n'),
      api('d', '  type: openapi\n  remotes:\n    - { type: https, url: https://x.example.com }\n'),
    ].join('---\n');
    expect(problemsOf(content, 'apis.yaml')).toEqual([
      'apis.yaml:1: spec.remotes: is required',
      'apis.yaml:2: spec.remotes: must be a non-empty list of { type, url }',
      'apis.yaml:3: spec.remotes[0].url: is required',
      'apis.yaml:3: spec.remotes[1].type: is required',
      'apis.yaml:3: spec.remotes[1].url: must be a non-empty string',
      'apis.yaml:3: spec.remotes[2]: must be an object with type and url',
      'apis.yaml:4: spec.definition: is required',
    ]);
  });
});

describe('parseCatalogFiles titles', () => {
  const group = (metadata: string, profile: string): string =>
    `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n${metadata}spec:\n  type: team\n  children: []\n${profile}`;

  it('titles a Group by metadata.title, else by spec.profile.displayName', () => {
    const content = [
      group('  name: a\n  title: Team A\n', '  profile: { displayName: Profile A }\n'),
      group('  name: b\n', '  profile: { displayName: Team B, email: b@example.com }\n'),
      group('  name: c\n', '  profile: { email: c@example.com }\n'),
    ].join('---\n');
    const { entities, problems } = parseCatalogFiles([{ path: 'org.yaml', content }]);
    expect(problems).toEqual([]);
    expect(entities.map((e) => [e.name, e.title])).toEqual([
      ['a', 'Team A'],
      ['b', 'Team B'],
      ['c', null],
    ]);
  });

  it('does not title a User by its displayName (people show it from their profile)', () => {
    const { entities } = parseCatalogFiles([
      {
        path: 'org.yaml',
        content:
          'apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n  name: jdoe\nspec:\n  profile: { displayName: Jane Doe }\n  memberOf: []\n',
      },
    ]);
    expect(entities[0]?.title).toBeNull();
  });
});

describe('parseCatalogFiles on Capability documents', () => {
  const capability = (spec: string, apiVersion = 'paved.dev/v1alpha1') =>
    `apiVersion: ${apiVersion}\nkind: Capability\nmetadata:\n  name: golden-ci\nspec:\n  owner: platform-ci\n  lifecycle: ga\n${spec}`;

  it('names the capability when a detect regular expression is invalid', () => {
    const spec = `  detect:\n    - files: ".github/workflows/*.yml"\n      pattern: "uses:\\\\s*(acme/golden-ci"\n`;
    expect(problemsOf(capability(spec), 'capabilities.yaml')).toEqual([
      'capabilities.yaml:1: spec.detect[0].pattern: capability golden-ci: invalid regular expression: /uses:\\s*(acme/golden-ci/: Unterminated group',
    ]);
  });

  it('names the capability when a detect glob is absolute, leaves the repository or does not compile', () => {
    const spec = `  detect:
    - files: /etc/passwd
    - files: ../other-repo/*.yml
    - files: "**/*.{yml"
    - files: ""
`;
    expect(problemsOf(capability(spec), 'capabilities.yaml')).toEqual([
      'capabilities.yaml:1: spec.detect[0].files: capability golden-ci: glob must be relative to the repository root: /etc/passwd',
      'capabilities.yaml:1: spec.detect[1].files: capability golden-ci: glob must not contain a .. segment: ../other-repo/*.yml',
      'capabilities.yaml:1: spec.detect[2].files: capability golden-ci: invalid glob "**/*.{yml": Unterminated group',
      'capabilities.yaml:1: spec.detect[3].files: capability golden-ci: glob must be a non-empty string',
    ]);
  });

  it('rejects unknown rule keys, bad ecosystems and malformed rules', () => {
    const spec = `  detect:
    - files: Dockerfile
      contains: FROM acme/base
    - dependency: { ecosystem: cargo, name: acme-telemetry, version: "1" }
    - dependency: { ecosystem: npm }
      pattern: x
    - { files: a.yml, dependency: { ecosystem: npm, name: x } }
    - {}
    - just-a-string
`;
    expect(problemsOf(capability(spec), 'c.yaml')).toEqual([
      'c.yaml:1: spec.detect[0].contains: unknown key (expected files, pattern or dependency)',
      'c.yaml:1: spec.detect[1].dependency.version: unknown key (expected ecosystem or name)',
      'c.yaml:1: spec.detect[1].dependency.ecosystem: must be one of npm, python, go, maven',
      'c.yaml:1: spec.detect[2].pattern: only applies to a files rule',
      'c.yaml:1: spec.detect[2].dependency.name: is required',
      'c.yaml:1: spec.detect[3]: use either files or dependency, not both',
      'c.yaml:1: spec.detect[4]: must have files or dependency',
      'c.yaml:1: spec.detect[5]: must be { files, pattern? } or { dependency: { ecosystem, name } }',
    ]);
  });

  it('checks the apiVersion, lifecycle, gaDate, docs and audience', () => {
    const content = `apiVersion: backstage.io/v1alpha1
kind: Capability
metadata:
  name: golden-ci
spec:
  owner: platform-ci
  lifecycle: GA
  gaDate: 2025-02-30
  docs: ftp://docs.example.com/golden-ci
  audience: [service, 3]
`;
    expect(problemsOf(content, 'c.yaml')).toEqual([
      'c.yaml:1: apiVersion: must be paved.dev/v1alpha1 for kind Capability',
      'c.yaml:1: spec.lifecycle: must be one of experimental, beta, ga, deprecated, retired',
      'c.yaml:1: spec.gaDate: must be a calendar date YYYY-MM-DD',
      'c.yaml:1: spec.docs: must be an http(s) URL',
      'c.yaml:1: spec.audience[1]: must be a non-empty string',
    ]);
  });

  it('accepts a leap day and an audience of component types', () => {
    const result = parseCatalogFiles([
      { path: 'c.yaml', content: capability('  gaDate: 2024-02-29\n  audience: [service, website]\n') },
    ]);
    expect(result.problems).toEqual([]);
    expect(result.entities[0]?.spec.audience).toEqual(['service', 'website']);
  });
});
