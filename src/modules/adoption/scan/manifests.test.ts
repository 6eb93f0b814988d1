import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CapabilityRules } from './compile-rules.js';
import { GitFixture } from '../../../../test/git-fixture.js';
import { manifestKind, parseManifest } from './manifests.js';
import { scanRepository } from './scan-repository.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'paved-manifests-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PACKAGE_JSON = `{
  "name": "@acme/telemetry",
  "scripts": { "@acme/events": "echo not a dependency" },
  "dependencies": {
    "react": "19.0.0"
  },
  "devDependencies": {
    "@acme/telemetry": "^1.2.0"
  }
}
`;

const REQUIREMENTS_DEV = `# tools
-r requirements.txt
--index-url https://pypi.example.com/simple
pytest==8.0 ; python_version > "3.8"
Acme_Feature.Flags[otel,  grpc]>=1.4,<2 ; python_version >= "3.10"  # flags
https://example.com/pkgs/acme-events-1.0.tar.gz
`;

const PYPROJECT_PEP621 = `[build-system]
requires = ["hatchling", "acme-events"]

[project]
name = "payments"
dependencies = [
  "requests>=2",  # http
  "acme-telemetry[otel]~=1.4",
]

[project.optional-dependencies]
flags = ["ACME.feature-flags>=1"]

[dependency-groups]
test = ["pytest", {include-group = "lint"}]
`;

const PYPROJECT_POETRY = `[tool.poetry]
name = "orders"

[tool.poetry.dependencies]
python = "^3.12"
requests = "^2.31"

[tool.poetry.group.dev.dependencies]
acme_events = { version = "^2.0", extras = [
  "avro",
] }

[tool.poetry.dependencies."acme-telemetry"]
version = "^1.0"
`;

const GO_MOD = `module github.com/acme/orders

go 1.22

require github.com/acme/feature-flags-go v1.0.0

require (
\tgithub.com/acme/telemetry-go/v2 v2.1.0
\tgithub.com/acme/events-go v0.3.0 // indirect
)

replace github.com/acme/telemetry-go => ../telemetry-go
`;

const POM = `<project>
  <dependencies>
    <!--
    <dependency><groupId>com.acme</groupId><artifactId>events-client</artifactId></dependency>
    -->
    <dependency>
      <groupId>com.acme</groupId>
      <artifactId>feature-flags</artifactId>
      <version>1.2.0</version>
    </dependency>
  </dependencies>
  <build><plugins><plugin><groupId>com.acme</groupId><artifactId>telemetry</artifactId></plugin></plugins></build>
</project>
`;

function names(kind: Parameters<typeof parseManifest>[0], text: string): Record<string, number | null> {
  const declared = parseManifest(kind, text);
  return Object.fromEntries([...(declared ?? [])].map(([name, mention]) => [name, mention.line]));
}

describe('manifest parsing', () => {
  it('reads the four npm dependency sections only', () => {
    expect(names('npm', PACKAGE_JSON)).toEqual({ react: 5, '@acme/telemetry': 8 });
    expect(parseManifest('npm', '{ not json')).toBeNull();
  });

  it('reads requirement names before versions, extras and markers, normalised per PEP 503', () => {
    expect(names('requirements', REQUIREMENTS_DEV)).toEqual({ pytest: 4, 'acme-feature-flags': 5 });
  });

  it('reads PEP 621, PEP 735 and Poetry declarations from pyproject.toml', () => {
    expect(names('pyproject', PYPROJECT_PEP621)).toEqual({
      requests: 7,
      'acme-telemetry': 8,
      'acme-feature-flags': 12,
      pytest: 15,
    });
    expect(names('pyproject', PYPROJECT_POETRY)).toEqual({ requests: 6, 'acme-events': 9, 'acme-telemetry': 13 });
  });

  it('reads go.mod require lines and blocks, module paths exactly', () => {
    expect(names('go', GO_MOD)).toEqual({
      'github.com/acme/feature-flags-go': 5,
      'github.com/acme/telemetry-go/v2': 8,
      'github.com/acme/events-go': 9,
    });
  });

  it('reads pom.xml dependencies as groupId:artifactId, not commented ones or plugins', () => {
    expect(names('maven', POM)).toEqual({ 'com.acme:feature-flags': 8 });
  });

  it('knows manifests by name, not under node_modules or vendor', () => {
    expect(
      [
        'package.json',
        'a/b/package.json',
        'node_modules/x/package.json',
        'requirements-dev.txt',
        'reqs.txt',
        'svc/pyproject.toml',
        'vendor/m/go.mod',
        'pom.xml',
      ].map(manifestKind),
    ).toEqual(['npm', 'npm', null, 'requirements', null, 'pyproject', null, 'maven']);
  });
});

describe('dependency rules on a repository', () => {
  const libraries = (name: string, npm: string, python: string, go: string, maven: string): CapabilityRules => ({
    capability: name,
    rules: [
      { dependency: { ecosystem: 'npm', name: npm } },
      { dependency: { ecosystem: 'python', name: python } },
      { dependency: { ecosystem: 'go', name: go } },
      { dependency: { ecosystem: 'maven', name: maven } },
    ],
  });
  const capabilities = [
    libraries('telemetry', '@acme/telemetry', 'acme-telemetry', 'github.com/acme/telemetry-go', 'com.acme:telemetry'),
    libraries('events', '@acme/events', 'acme-events', 'github.com/acme/events-go', 'com.acme:events-client'),
    libraries(
      'feature-flags',
      '@acme/feature-flags',
      'acme-feature-flags',
      'github.com/acme/feature-flags-go',
      'com.acme:feature-flags',
    ),
  ];

  it('matches exactly the named packages in every ecosystem, with the manifest line', async () => {
    const repo = GitFixture.create(join(dir, 'polyglot'));
    repo.commit('2024-01-01T00:00:00Z', {
      'web/package.json': PACKAGE_JSON,
      'node_modules/@acme/x/package.json': '{"dependencies":{"@acme/events":"1"}}',
      'api/requirements-dev.txt': REQUIREMENTS_DEV,
      'api/pyproject.toml': PYPROJECT_PEP621,
      'worker/pyproject.toml': PYPROJECT_POETRY,
      'orders/go.mod': GO_MOD,
      'java/pom.xml': POM,
    });
    const result = await scanRepository(repo.path, capabilities, { history: false });
    if (!('matches' in result)) throw new Error(JSON.stringify(result));
    expect(result.problems).toEqual([]);
    expect(result.matches.map((m) => [m.capability, m.evidence])).toEqual([
      [
        'telemetry',
        [
          { ruleIndex: 0, file: 'web/package.json', line: 8, text: '"@acme/telemetry": "^1.2.0"' },
          { ruleIndex: 1, file: 'api/pyproject.toml', line: 8, text: '"acme-telemetry[otel]~=1.4",' },
          {
            ruleIndex: 1,
            file: 'worker/pyproject.toml',
            line: 13,
            text: '[tool.poetry.dependencies."acme-telemetry"]',
          },
        ],
      ],
      [
        'events',
        [
          {
            ruleIndex: 1,
            file: 'worker/pyproject.toml',
            line: 9,
            text: 'acme_events = { version = "^2.0", extras = [',
          },
          { ruleIndex: 2, file: 'orders/go.mod', line: 9, text: 'github.com/acme/events-go v0.3.0 // indirect' },
        ],
      ],
      [
        'feature-flags',
        [
          { ruleIndex: 1, file: 'api/pyproject.toml', line: 12, text: 'flags = ["ACME.feature-flags>=1"]' },
          {
            ruleIndex: 1,
            file: 'api/requirements-dev.txt',
            line: 5,
            text: 'Acme_Feature.Flags[otel,  grpc]>=1.4,<2 ; python_version >= "3.10"  # flags',
          },
          { ruleIndex: 2, file: 'orders/go.mod', line: 5, text: 'require github.com/acme/feature-flags-go v1.0.0' },
          { ruleIndex: 3, file: 'java/pom.xml', line: 8, text: '<artifactId>feature-flags</artifactId>' },
        ],
      ],
    ]);
  });

  it('reports a manifest it cannot read', async () => {
    const repo = GitFixture.create(join(dir, 'broken-manifest'));
    repo.commit('2024-01-01T00:00:00Z', { 'package.json': '{ "dependencies": ' });
    const result = await scanRepository(repo.path, capabilities, { history: false });
    expect('matches' in result && result.problems).toEqual(['package.json is not a readable npm manifest; skipped']);
  });
});
