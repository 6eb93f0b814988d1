/**
 * The twelve capabilities the demo platform teams offer. Fixed, not seeded: the seed shapes the customers,
 * the platform's product line stays recognisable from one demo to the next.
 */
import type { DetectRule } from '../modules/catalog/entity.js';
import { demoRef, type DemoCapability } from './demo-catalog.js';

type CapabilityDefinition = Omit<DemoCapability, 'ref' | 'ownerRef' | 'docs'>;

const docsBase = 'https://docs.acme.example/platform/';

/** One `dependency` rule per ecosystem, for capabilities shipped as client libraries. */
function libraries(npm: string, python: string, go: string, maven: string): DetectRule[] {
  return [
    { dependency: { ecosystem: 'npm', name: npm } },
    { dependency: { ecosystem: 'python', name: python } },
    { dependency: { ecosystem: 'go', name: go } },
    { dependency: { ecosystem: 'maven', name: maven } },
  ];
}

const DEFINITIONS: readonly CapabilityDefinition[] = [
  {
    name: 'golden-ci',
    title: 'Golden CI pipeline',
    description: 'Reusable CI workflow with caching, SBOM and signed artifacts.',
    owner: 'platform-ci',
    lifecycle: 'ga',
    category: 'ci',
    gaDate: '2024-06-03',
    detect: [
      { files: '.github/workflows/*.yml', pattern: 'uses:\\s*acme/golden-ci/' },
      { files: '.github/workflows/*.yaml', pattern: 'uses:\\s*acme/golden-ci/' },
      { files: '.gitlab-ci.yml', pattern: 'project:\\s*[\'"]?acme/golden-ci[\'"]?\\s*$' },
    ],
  },
  {
    name: 'jenkins-shared-library',
    title: 'Jenkins shared library',
    description: 'The shared Jenkins pipeline library; superseded by the Golden CI pipeline.',
    owner: 'platform-ci',
    lifecycle: 'deprecated',
    category: 'ci',
    gaDate: '2024-01-15',
    detect: [{ files: 'Jenkinsfile', pattern: '@Library\\([\'"]acme-pipeline-lib' }],
  },
  {
    name: 'base-images',
    title: 'Hardened base images',
    description: 'Minimal, patched and signed container base images, rebuilt nightly.',
    owner: 'platform-runtime',
    lifecycle: 'ga',
    category: 'security',
    gaDate: '2024-04-08',
    audience: ['service', 'website'],
    detect: [
      { files: 'Dockerfile', pattern: '^FROM\\s+(registry\\.acme\\.example/)?acme/base-' },
      { files: '**/Dockerfile', pattern: '^FROM\\s+(registry\\.acme\\.example/)?acme/base-' },
    ],
  },
  {
    name: 'progressive-delivery',
    title: 'Progressive delivery',
    description: 'Canary and blue-green rollouts with automatic rollback on SLO breach.',
    owner: 'platform-runtime',
    lifecycle: 'ga',
    category: 'deploy',
    gaDate: '2025-01-20',
    audience: ['service', 'website'],
    detect: [{ files: 'deploy/**/*.yaml', pattern: 'kind:\\s*AcmeRollout\\b' }],
  },
  {
    name: 'secrets-injection',
    title: 'Secrets injection',
    description: 'Secrets mounted into pods at start, rotated without redeploying.',
    owner: 'platform-runtime',
    lifecycle: 'ga',
    category: 'security',
    gaDate: '2025-03-10',
    detect: [{ files: 'deploy/**/*.yaml', pattern: 'secrets\\.acme\\.example/inject:\\s*["\']?true' }],
  },
  {
    name: 'service-telemetry',
    title: 'Service telemetry SDK',
    description: 'One-line tracing, metrics and structured logs, pre-wired to the telemetry collector.',
    owner: 'platform-observability',
    lifecycle: 'ga',
    category: 'observability',
    gaDate: '2024-09-16',
    detect: libraries('@acme/telemetry', 'acme-telemetry', 'github.com/acme/telemetry-go', 'com.acme:telemetry'),
  },
  {
    name: 'slo-as-code',
    title: 'SLOs as code',
    description: 'Service-level objectives declared in the repository, with burn-rate alerts generated.',
    owner: 'platform-observability',
    lifecycle: 'beta',
    category: 'observability',
    gaDate: null,
    detect: [
      { files: '.acme/slo.yaml', pattern: 'kind:\\s*ServiceLevelObjective\\b' },
      { files: 'slo/*.yaml', pattern: 'kind:\\s*ServiceLevelObjective\\b' },
    ],
  },
  {
    name: 'managed-postgres',
    title: 'Managed PostgreSQL',
    description: 'Self-service PostgreSQL clusters with backups, failover and point-in-time recovery.',
    owner: 'platform-data',
    lifecycle: 'ga',
    category: 'data',
    gaDate: '2025-05-05',
    detect: [
      { files: 'deploy/**/*.yaml', pattern: 'kind:\\s*PostgresCluster\\b' },
      { files: 'infra/**/*.tf', pattern: 'source\\s*=\\s*"[^"]*acme/terraform-postgres' },
    ],
  },
  {
    name: 'event-streaming',
    title: 'Event streaming',
    description: 'Managed topics with schema-checked producers and consumers.',
    owner: 'platform-data',
    lifecycle: 'beta',
    category: 'data',
    gaDate: null,
    detect: libraries('@acme/events', 'acme-events', 'github.com/acme/events-go', 'com.acme:events-client'),
  },
  {
    name: 'feature-flags',
    title: 'Feature flags',
    description: 'Flags and percentage rollouts evaluated in-process, changed without a deploy.',
    owner: 'platform-devex',
    lifecycle: 'ga',
    category: 'deploy',
    gaDate: '2025-07-14',
    detect: libraries(
      '@acme/feature-flags',
      'acme-feature-flags',
      'github.com/acme/feature-flags-go',
      'com.acme:feature-flags',
    ),
  },
  {
    name: 'service-templates',
    title: 'Service templates',
    description: 'New services from a template with CI, telemetry and catalog entry already in place.',
    owner: 'platform-devex',
    lifecycle: 'ga',
    category: 'developer-portal',
    gaDate: '2025-10-06',
    detect: [{ files: '.copier-answers.yml', pattern: '_src_path:\\s*\\S*acme/service-templates' }],
  },
  {
    name: 'dev-environments',
    title: 'Cloud development environments',
    description: 'Ready-to-code dev containers with the service and its dependencies running.',
    owner: 'platform-devex',
    lifecycle: 'experimental',
    category: 'developer-portal',
    gaDate: null,
    detect: [
      { files: '.devcontainer/devcontainer.json', pattern: '"image":\\s*"[^"]*acme/devcontainer-' },
      { files: '.devcontainer.json', pattern: '"image":\\s*"[^"]*acme/devcontainer-' },
    ],
  },
];

/** Fresh copies of the capability definitions, so a caller may change its own without touching others'. */
export function demoCapabilities(): DemoCapability[] {
  return DEFINITIONS.map((d) => ({
    ...structuredClone(d),
    ref: demoRef('capability', d.name),
    ownerRef: demoRef('group', d.owner),
    docs: `${docsBase}${d.name}`,
  }));
}
