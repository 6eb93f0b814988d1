/**
 * The twelve capabilities the scan benchmark detects (the demo platform's, fixed here so the benchmark does not move
 * when the demo does), and how a generated repository's platform files look for a given set of adopted capabilities.
 * Rendering from the set is what makes the ground truth exact: a capability matches at a commit iff it is in the set.
 */
import type { DetectRule } from '../src/modules/catalog/entity.js';
import type { CapabilityRules } from '../src/modules/adoption/scan/compile-rules.js';

const libraries = (npm: string, python: string, go: string, maven: string): DetectRule[] => [
  { dependency: { ecosystem: 'npm', name: npm } },
  { dependency: { ecosystem: 'python', name: python } },
  { dependency: { ecosystem: 'go', name: go } },
  { dependency: { ecosystem: 'maven', name: maven } },
];

const BASE_IMAGE = '^FROM\\s+(registry\\.acme\\.example/)?acme/base-';

export const BENCH_CAPABILITIES: CapabilityRules[] = [
  {
    capability: 'golden-ci',
    rules: [
      { files: '.github/workflows/*.yml', pattern: 'uses:\\s*acme/golden-ci/' },
      { files: '.github/workflows/*.yaml', pattern: 'uses:\\s*acme/golden-ci/' },
      { files: '.gitlab-ci.yml', pattern: 'project:\\s*[\'"]?acme/golden-ci[\'"]?\\s*$' },
    ],
  },
  {
    capability: 'jenkins-shared-library',
    rules: [{ files: 'Jenkinsfile', pattern: '@Library\\([\'"]acme-pipeline-lib' }],
  },
  {
    capability: 'base-images',
    rules: [
      { files: 'Dockerfile', pattern: BASE_IMAGE },
      { files: '**/Dockerfile', pattern: BASE_IMAGE },
    ],
  },
  { capability: 'progressive-delivery', rules: [{ files: 'deploy/**/*.yaml', pattern: 'kind:\\s*AcmeRollout\\b' }] },
  {
    capability: 'secrets-injection',
    rules: [{ files: 'deploy/**/*.yaml', pattern: 'secrets\\.acme\\.example/inject:\\s*["\']?true' }],
  },
  {
    capability: 'service-telemetry',
    rules: libraries('@acme/telemetry', 'acme-telemetry', 'github.com/acme/telemetry-go', 'com.acme:telemetry'),
  },
  {
    capability: 'slo-as-code',
    rules: [
      { files: '.acme/slo.yaml', pattern: 'kind:\\s*ServiceLevelObjective\\b' },
      { files: 'slo/*.yaml', pattern: 'kind:\\s*ServiceLevelObjective\\b' },
    ],
  },
  {
    capability: 'managed-postgres',
    rules: [
      { files: 'deploy/**/*.yaml', pattern: 'kind:\\s*PostgresCluster\\b' },
      { files: 'infra/**/*.tf', pattern: 'source\\s*=\\s*"[^"]*acme/terraform-postgres' },
    ],
  },
  {
    capability: 'event-streaming',
    rules: libraries('@acme/events', 'acme-events', 'github.com/acme/events-go', 'com.acme:events-client'),
  },
  {
    capability: 'feature-flags',
    rules: libraries(
      '@acme/feature-flags',
      'acme-feature-flags',
      'github.com/acme/feature-flags-go',
      'com.acme:feature-flags',
    ),
  },
  {
    capability: 'service-templates',
    rules: [{ files: '.copier-answers.yml', pattern: '_src_path:\\s*\\S*acme/service-templates' }],
  },
  {
    capability: 'dev-environments',
    rules: [
      { files: '.devcontainer/devcontainer.json', pattern: '"image":\\s*"[^"]*acme/devcontainer-' },
      { files: '.devcontainer.json', pattern: '"image":\\s*"[^"]*acme/devcontainer-' },
    ],
  },
];

/** Share of repositories that adopt each capability at some point (in BENCH_CAPABILITIES order). */
export const ADOPTION_RATES = [0.55, 0.25, 0.5, 0.3, 0.4, 0.6, 0.2, 0.3, 0.25, 0.35, 0.4, 0.15];

export type Language = 'node' | 'python' | 'go' | 'java';

/** What stays fixed for a repository while its adoption changes. */
export interface RepoModel {
  name: string;
  language: Language;
  gitlab: boolean;
  jenkins: boolean;
  nestedPackages: string[];
  extraDockerfiles: string[];
  pyproject: boolean;
  component: boolean;
}

/** The platform-related files of a repository for a set of adopted capabilities and a revision (routine edits). */
export function renderPlatformFiles(
  model: RepoModel,
  adopted: ReadonlySet<string>,
  revision: number,
): Map<string, string> {
  const files = new Map<string, string>();
  const has = (capability: string) => adopted.has(capability);
  const v = `1.${revision % 40}.${revision % 7}`;
  if (model.component) {
    files.set(
      'catalog-info.yaml',
      `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${model.name}\nspec:\n  type: service\n  owner: team-${model.name.length % 9}\n  lifecycle: production\n`,
    );
  }
  if (model.gitlab) {
    const include = has('golden-ci')
      ? `include:\n  - project: 'acme/golden-ci'\n    ref: v${v}\n    file: '/pipeline.yml'\n`
      : '';
    files.set(
      '.gitlab-ci.yml',
      `${include}stages: [build, test]\nbuild:\n  stage: build\n  script:\n    - make build # ${v}\n`,
    );
  } else {
    const job = has('golden-ci')
      ? `    uses: acme/golden-ci/.github/workflows/build.yml@v${v}\n`
      : `    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: make build # ${v}\n`;
    files.set('.github/workflows/ci.yml', `name: ci\non: [push, pull_request]\njobs:\n  build:\n${job}`);
    files.set(
      '.github/workflows/lint.yml',
      `name: lint\non: [pull_request]\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: make lint\n`,
    );
    files.set(
      '.github/workflows/release.yaml',
      `name: release\non:\n  push:\n    tags: ['v*']\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: make release VERSION=${v}\n`,
    );
  }
  if (model.jenkins || has('jenkins-shared-library')) {
    const library = has('jenkins-shared-library')
      ? `@Library('acme-pipeline-lib@${v}') _\nacmePipeline()\n`
      : `pipeline {\n  agent any\n  stages { stage('build') { steps { sh 'make build' } } }\n}\n`;
    files.set('Jenkinsfile', library);
  }
  const runtime = { node: 'node:20-alpine', python: 'python:3.12-slim', go: 'golang:1.22', java: 'eclipse-temurin:21' }[
    model.language
  ];
  const from = (flavour: string) =>
    has('base-images') ? `FROM registry.acme.example/acme/base-${flavour}:${v}` : `FROM ${runtime}`;
  files.set(
    'Dockerfile',
    `# syntax=docker/dockerfile:1\n${from(model.language)} AS build\nWORKDIR /app\nCOPY . .\nRUN make build\n`,
  );
  for (const path of model.extraDockerfiles) files.set(path, `${from('tools')}\nCOPY . /src\n`);
  renderDeploy(files, has, v, model.name);
  files.set(
    'infra/main.tf',
    `terraform {\n  required_version = ">= 1.6"\n}\n\nmodule "bucket" {\n  source = "git::https://git.acme.example/infra/terraform-bucket?ref=v${v}"\n}\n`,
  );
  if (has('managed-postgres'))
    files.set(
      'infra/postgres.tf',
      `module "db" {\n  source  = "git::https://git.acme.example/acme/terraform-postgres?ref=v2"\n  name    = "${model.name}"\n}\n`,
    );
  if (has('slo-as-code'))
    files.set(
      'slo/availability.yaml',
      `apiVersion: acme.example/v1\nkind: ServiceLevelObjective\nmetadata:\n  name: ${model.name}-availability\nspec:\n  objective: 99.9\n`,
    );
  if (has('service-templates'))
    files.set(
      '.copier-answers.yml',
      `_commit: v${v}\n_src_path: gh:acme/service-templates\nproject_name: ${model.name}\n`,
    );
  if (has('dev-environments'))
    files.set(
      '.devcontainer/devcontainer.json',
      `{\n  "name": "${model.name}",\n  "image": "ghcr.io/acme/devcontainer-${model.language}:${v}"\n}\n`,
    );
  renderManifests(files, model, has, v);
  return files;
}

function renderDeploy(files: Map<string, string>, has: (c: string) => boolean, v: string, name: string): void {
  const kind = has('progressive-delivery') ? 'AcmeRollout' : 'Deployment';
  const apiVersion = has('progressive-delivery') ? 'rollouts.acme.example/v1' : 'apps/v1';
  const annotations = has('secrets-injection') ? `  annotations:\n    secrets.acme.example/inject: "true"\n` : '';
  files.set(
    'deploy/base/deployment.yaml',
    `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: ${name}\n${annotations}spec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: app\n          image: registry.acme.example/${name}:${v}\n`,
  );
  files.set(
    'deploy/base/service.yaml',
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  ports:\n    - port: 80\n      targetPort: 8080\n`,
  );
  files.set(
    'deploy/overlays/prod/kustomization.yaml',
    `resources:\n  - ../../base\nimages:\n  - name: ${name}\n    newTag: "${v}"\n`,
  );
  if (has('managed-postgres'))
    files.set(
      'deploy/base/postgres.yaml',
      `apiVersion: data.acme.example/v1\nkind: PostgresCluster\nmetadata:\n  name: ${name}-db\nspec:\n  instances: 2\n`,
    );
}

const LIBRARIES = {
  'service-telemetry': ['@acme/telemetry', 'acme-telemetry', 'github.com/acme/telemetry-go', 'com.acme', 'telemetry'],
  'event-streaming': ['@acme/events', 'acme-events', 'github.com/acme/events-go', 'com.acme', 'events-client'],
  'feature-flags': [
    '@acme/feature-flags',
    'acme_feature.flags',
    'github.com/acme/feature-flags-go',
    'com.acme',
    'feature-flags',
  ],
} as const;

function renderManifests(files: Map<string, string>, model: RepoModel, has: (c: string) => boolean, v: string): void {
  const used = (Object.keys(LIBRARIES) as (keyof typeof LIBRARIES)[]).filter(has).map((c) => LIBRARIES[c]);
  if (model.language === 'node') {
    const deps = [['express', '^4.19.2'], ['zod', '^3.23.0'], ...used.map((l) => [l[0], `^${v}`])];
    const json = (name: string, d: string[][]) =>
      `${JSON.stringify({ name, version: v, private: true, scripts: { build: 'tsc', test: 'vitest' }, dependencies: Object.fromEntries(d), devDependencies: { typescript: '^5.6.0', vitest: '^2.1.0' } }, null, 2)}\n`;
    files.set('package.json', json(model.name, deps.slice(0, 2)));
    // Libraries go in the first nested package when there is one, else in the root manifest.
    if (model.nestedPackages.length === 0) files.set('package.json', json(model.name, deps));
    model.nestedPackages.forEach((dir, i) =>
      files.set(`${dir}/package.json`, json(`@acme/${model.name}-${i}`, i === 0 ? deps : deps.slice(0, 1))),
    );
  } else if (model.language === 'python') {
    const lines = [
      'requests==2.32.3',
      'pydantic>=2.7',
      ...used.map((l) => `${l[1]}[otel]>=${v} ; python_version >= "3.10"`),
    ];
    if (model.pyproject)
      files.set(
        'pyproject.toml',
        `[project]\nname = "${model.name}"\nversion = "${v}"\ndependencies = [\n${lines.map((l) => `  ${JSON.stringify(l)},`).join('\n')}\n]\n`,
      );
    else files.set('requirements.txt', `${lines.join('\n')}\n`);
    files.set('requirements-dev.txt', `-r requirements.txt\npytest==8.2.0\nruff==0.5.${v.length}\n`);
  } else if (model.language === 'go') {
    const requires = [
      'github.com/go-chi/chi/v5 v5.0.12',
      'golang.org/x/sync v0.7.0',
      ...used.map((l) => `${l[2]} v${v}`),
    ];
    files.set(
      'go.mod',
      `module github.com/acme/${model.name}\n\ngo 1.22\n\nrequire (\n${requires.map((r) => `\t${r}`).join('\n')}\n)\n`,
    );
  } else {
    const dep = (g: string, a: string, ver: string) =>
      `    <dependency>\n      <groupId>${g}</groupId>\n      <artifactId>${a}</artifactId>\n      <version>${ver}</version>\n    </dependency>\n`;
    const deps = [
      dep('org.springframework.boot', 'spring-boot-starter-web', '3.3.0'),
      ...used.map((l) => dep(l[3], l[4], v)),
    ].join('');
    files.set(
      'pom.xml',
      `<?xml version="1.0"?>\n<project>\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>com.acme</groupId>\n  <artifactId>${model.name}</artifactId>\n  <version>${v}</version>\n  <dependencies>\n${deps}  </dependencies>\n</project>\n`,
    );
  }
}
