import type { Text } from './theme-texts.js';

/** Bugs customer teams report against each capability they use. */
export const BUG_TEXTS: Record<string, readonly Text[]> = {
  'golden-ci': [
    ['cache restore step fails when the lockfile moves', 'The cache key ignores workspaces, so restores miss.'],
    ['SBOM step times out on large monorepos'],
    ['artifact signing fails for tags with a slash'],
    ['golden pipeline ignores the custom test command'],
    [
      'build step regressed from 8 to 25 minutes',
      'Since the runner upgrade last week our webpack build is way slower.',
    ],
    ['matrix jobs report green when one leg fails'],
  ],
  'jenkins-shared-library': [
    ['shared library breaks on Java 21 agents'],
    ['deployStage() ignores the timeout parameter'],
  ],
  'base-images': [
    ['python base image is missing tzdata'],
    ['nightly base image rebuild pulled a broken openssl'],
    ['node base image runs as root despite the docs'],
    ['signature verification fails for the arm64 variant'],
  ],
  'progressive-delivery': [
    ['canary analysis rolls back on a metric that has no data'],
    ['AcmeRollout stuck at 50% after a node drain'],
    ['rollback leaves the old ReplicaSet scaled to zero'],
    ['blue-green switch drops websocket connections'],
  ],
  'secrets-injection': [
    ['injected secret not refreshed after rotation', 'The pod keeps the old value until it restarts.'],
    ['admission webhook times out during cluster upgrades'],
    ['secret with a dot in its name is not mounted'],
  ],
  'service-telemetry': [
    ['telemetry SDK drops spans under load'],
    ['trace ids missing from logs in the go SDK'],
    ['metrics exporter leaks memory in long-running workers'],
    ['python SDK breaks gevent workers'],
  ],
  'slo-as-code': [['burn-rate alert fires twice for one breach'], ['SLO file with a comment fails validation']],
  'managed-postgres': [
    ['failover took 4 minutes instead of 30 seconds'],
    ['point-in-time restore picks the wrong timezone'],
    ['connection limit too low on the small plan'],
    ['backup job fails for databases over 500 GB'],
  ],
  'event-streaming': [['consumer lag metric is always zero'], ['schema check rejects optional fields']],
  'feature-flags': [
    ['flag evaluation returns the default for new users'],
    ['percentage rollout not sticky across sessions'],
    ['SDK crashes when the flag service is unreachable'],
  ],
  'service-templates': [
    ['generated service fails lint out of the box'],
    ['template update overwrites our Dockerfile changes'],
  ],
};

/** Items about nothing the platform plans: every organisation has them. */
export const OTHER_PAINS: readonly Text[] = [
  ['model training jobs compete with prod for cluster capacity'],
  ['bundle size keeps growing'],
  ['gateway config reloads drop connections'],
  ['regulatory reports assembled by hand each month'],
  ['BI dashboards load slowly'],
  ['elasticsearch reindex is slow', 'Reindexing the product index takes 6 hours.'],
  ['airflow scheduler lags behind', 'DAGs start 10 minutes late.'],
  ['A/B test results take a week to compute'],
  ['partners complain our sandbox is down a lot'],
  ['kubernetes upgrade broke our ingress annotations'],
];

export const OTHER_REQUESTS: readonly Text[] = [
  ['graphql gateway'],
  ['dark mode for the developer portal'],
  ['GPU nodes in the cluster', 'We need them for training; today we use a separate account.'],
  ['load testing as a service', 'We hand-roll k6 scripts every quarter.'],
  ['audit log export for compliance', 'Auditors want a CSV of who changed what.'],
  ['vector database offering', "We're running our own on a VM."],
  ['API gateway rate limiting per partner'],
];

/** What the early adopters of event streaming ask before it leaves beta. */
export const EVENT_STREAMING_REQUESTS: readonly Text[] = [
  ['kafka topic creation via API'],
  ['consumer groups for event streaming', 'We went back to our own queue until they are supported.'],
];

export const OTHER_SUPPORT: readonly Text[] = [
  ['how to rename a service in the catalog?'],
  ['how do I add a new team member to our team in the catalog?'],
  ["what's the SLA for the shared redis?"],
  ['which region should new services run in?'],
  ["can't log in to the developer portal", 'SSO loop after the last change.'],
];

export const CHANNELS = [
  'video call',
  'video call',
  'in person',
  'Slack huddle',
  'office hours',
  'team retro',
] as const;

/** Notes of a conversation: `{theme}` is what the team talked most about. */
export const CONVERSATION_NOTES: readonly string[] = [
  'Quarterly check-in. Most of the time went on {theme}.',
  'Joined their retro; {theme} came up again.',
  'Walked through their pipeline and deploy flow. Main pain: {theme}.',
  'Onboarding review with the new lead. They asked about {theme}.',
  'Office hours: questions about {theme}; showed them the docs and the roadmap.',
  'Follow-up on the survey comments; {theme} is still their top ask.',
];

/** How a theme reads in a sentence. */
export const THEME_WORDS: Record<string, string> = {
  'slow-ci': 'slow builds',
  'flaky-ci': 'flaky pipelines',
  'cve-noise': 'CVE noise in their images',
  'log-search': 'finding logs in incidents',
  'slow-deploys': 'slow deploys',
  rollback: 'rollbacks',
  'secrets-rotation': 'rotating secrets',
  'db-provisioning': 'waiting for databases',
  'feature-flags': 'feature toggles',
  'new-service-setup': 'setting up new services',
  'local-dev-setup': 'local development setup',
  'alert-fatigue': 'noisy alerts',
  'preview-envs': 'the shared staging environment',
  'prod-access': 'production access',
  'cost-visibility': 'cloud costs',
  'oom-limits': 'memory limits',
  'outdated-docs': 'outdated docs',
  'cert-expiry': 'certificate renewals',
};

/** Survey comments: the later the wave, the more of the relieved themes teams thank the platform for. */
export const COMPLAINTS: readonly string[] = [
  'CI is still the slowest part of my day.',
  'Please fix the shared staging environment.',
  'Getting production access takes far too long.',
  'Too many alerts, most of them noise.',
  'Local setup is still painful for new joiners.',
  'Docs are out of date in places.',
  'We still have no idea what our services cost.',
];

/** Praise, each for the capability it thanks (null: the platform team itself). */
export const PRAISE: readonly (readonly [capability: string | null, text: string])[] = [
  ['golden-ci', 'The golden pipeline cut our build time in half.'],
  ['progressive-delivery', 'Canary rollouts saved us twice this quarter.'],
  ['service-telemetry', 'Traces make incidents so much shorter.'],
  ['managed-postgres', 'Managed Postgres: a database in minutes instead of weeks.'],
  ['secrets-injection', 'No more secrets in Slack since secrets injection.'],
  ['feature-flags', 'Feature flags changed how we release.'],
  ['base-images', 'Patched base images took a whole chore off our plate.'],
  [null, 'The platform team listens, thanks!'],
];
