/**
 * The lines a scan would find in a demo repository for each capability, written to match the capability's
 * own detect rules in `capabilities.ts`: a rule that changes there breaks the generator's test, not the demo.
 */
import type { DemoEvidence } from './adoption-plan.js';
import type { DemoCapability, DemoLanguage, DemoService } from './demo-catalog.js';
import type { Random } from '../shared/random.js';

type Line = Omit<DemoEvidence, 'ruleIndex'>;

/** Index of the `files` rule with exactly this glob; a missing one is a bug in this file. */
function fileRule(capability: DemoCapability, glob: string): number {
  const index = capability.detect.findIndex((r) => 'files' in r && r.files === glob);
  if (index < 0) throw new Error(`${capability.name} has no detect rule for ${glob}`);
  return index;
}

const version = (rng: Random, major: [number, number]) => `${rng.int(...major)}.${rng.int(0, 9)}.${rng.int(0, 12)}`;

/** The manifest line naming a client library, in the service's own package ecosystem. */
function dependencyLine(rng: Random, service: DemoService, name: string): Line {
  const v = version(rng, [1, 4]);
  switch (service.ecosystem) {
    case 'npm':
      return { file: 'package.json', line: rng.int(12, 30), text: `    "${name}": "^${v}",` };
    case 'python':
      return { file: 'pyproject.toml', line: rng.int(8, 20), text: `    "${name}>=${v}",` };
    case 'go':
      return { file: 'go.mod', line: rng.int(5, 16), text: `\t${name} v${v}` };
    case 'maven': {
      const [group, artifact] = name.split(':');
      return service.language === 'kotlin'
        ? { file: 'build.gradle.kts', line: rng.int(20, 40), text: `    implementation("${group}:${artifact}:${v}")` }
        : { file: 'pom.xml', line: rng.int(30, 80), text: `      <artifactId>${artifact}</artifactId>` };
    }
  }
}

const BASE_IMAGE: Record<DemoLanguage, string> = {
  typescript: 'base-node:22',
  python: 'base-python:3.12',
  go: 'base-static:2025',
  java: 'base-jre:21',
  kotlin: 'base-jre:21',
};

function filesEvidence(rng: Random, capability: DemoCapability, service: DemoService): DemoEvidence[] {
  const at = (glob: string, line: Line): DemoEvidence[] => [{ ruleIndex: fileRule(capability, glob), ...line }];
  switch (capability.name) {
    case 'golden-ci': {
      const tag = rng.pick(['v2', 'v3', 'v3']);
      if (service.repository.provider === 'gitlab') {
        return at('.gitlab-ci.yml', {
          file: '.gitlab-ci.yml',
          line: rng.int(2, 6),
          text: `  - project: 'acme/golden-ci'`,
        });
      }
      const text = `    uses: acme/golden-ci/.github/workflows/build.yml@${tag}`;
      return rng.chance(0.8)
        ? at('.github/workflows/*.yml', { file: '.github/workflows/ci.yml', line: rng.int(8, 20), text })
        : at('.github/workflows/*.yaml', { file: '.github/workflows/build.yaml', line: rng.int(8, 20), text });
    }
    case 'jenkins-shared-library':
      return at('Jenkinsfile', {
        file: 'Jenkinsfile',
        line: 1,
        text: `@Library('acme-pipeline-lib@2.${rng.int(3, 14)}') _`,
      });
    case 'base-images': {
      const image = `${rng.chance(0.6) ? 'registry.acme.example/' : ''}acme/${BASE_IMAGE[service.language]}`;
      return rng.chance(0.7)
        ? at('Dockerfile', { file: 'Dockerfile', line: 1, text: `FROM ${image}` })
        : at('**/Dockerfile', {
            file: 'docker/app/Dockerfile',
            line: rng.int(8, 14),
            text: `FROM ${image} AS runtime`,
          });
    }
    case 'progressive-delivery':
      return at('deploy/**/*.yaml', { file: 'deploy/production/rollout.yaml', line: 2, text: 'kind: AcmeRollout' });
    case 'secrets-injection':
      return at('deploy/**/*.yaml', {
        file: 'deploy/production/deployment.yaml',
        line: rng.int(8, 14),
        text: '        secrets.acme.example/inject: "true"',
      });
    case 'slo-as-code':
      return rng.chance(0.7)
        ? at('.acme/slo.yaml', { file: '.acme/slo.yaml', line: 2, text: 'kind: ServiceLevelObjective' })
        : at('slo/*.yaml', { file: 'slo/availability.yaml', line: 2, text: 'kind: ServiceLevelObjective' });
    case 'managed-postgres':
      return rng.chance(0.6)
        ? at('deploy/**/*.yaml', { file: 'deploy/production/postgres.yaml', line: 2, text: 'kind: PostgresCluster' })
        : at('infra/**/*.tf', {
            file: 'infra/database/main.tf',
            line: rng.int(2, 6),
            text: `  source = "git::https://github.com/acme/terraform-postgres.git?ref=v2.${rng.int(0, 4)}.0"`,
          });
    case 'service-templates':
      return at('.copier-answers.yml', {
        file: '.copier-answers.yml',
        line: 2,
        text: '_src_path: gh:acme/service-templates',
      });
    case 'dev-environments':
      return at('.devcontainer/devcontainer.json', {
        file: '.devcontainer/devcontainer.json',
        line: 3,
        text: `  "image": "registry.acme.example/acme/devcontainer-${service.ecosystem}:1",`,
      });
    default:
      throw new Error(`no demo evidence for capability ${capability.name}`);
  }
}

/** What a scan of `service`'s repository finds for `capability`: a dependency line or a file's matching line. */
export function detectionEvidence(rng: Random, capability: DemoCapability, service: DemoService): DemoEvidence[] {
  const ruleIndex = capability.detect.findIndex(
    (r) => 'dependency' in r && r.dependency.ecosystem === service.ecosystem,
  );
  const rule = capability.detect[ruleIndex];
  if (rule && 'dependency' in rule) return [{ ruleIndex, ...dependencyLine(rng, service, rule.dependency.name) }];
  return filesEvidence(rng, capability, service);
}
