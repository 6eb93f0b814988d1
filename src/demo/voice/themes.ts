/**
 * The big common problems the demo's customer teams keep raising, and what the platform did about each. Fixed, like
 * the capabilities: the seed decides which teams feel a theme and when they speak; this table decides the plot.
 * A theme with a `relief` capability hurts a team until the team adopts it (its pains are resolved then), and hurts
 * less once the capability is GA; a theme without one hurts until today.
 */
export interface ThemeProblem {
  /** Themes sharing a key are one accepted problem ("solve once, serve many"). */
  key: string;
  title: string;
  description: string;
  /** RICE the platform team set (impact one of 0.25, 0.5, 1, 2, 3; confidence %; effort person-weeks). */
  impact: number;
  confidence: number;
  effort: number;
}

export interface Theme {
  key: string;
  /** The capability built for it; null: nothing yet. */
  relief: string | null;
  /** The pains' category. */
  category: string;
  /** Share of customer teams that feel it. */
  affects: number;
  /** Pains a feeling team writes a year, before any relief. */
  painsPerYear: number;
  /** Median hours lost per week a pain reports. */
  hours: number;
  /** Accepted as a problem by the platform team; null: still only a suggestion. */
  problem: ThemeProblem | null;
}

const ciProblem: ThemeProblem = {
  key: 'ci',
  title: 'Builds are slow and flaky',
  description: 'Pipelines queue for agents, rebuild everything without caches and fail at random on shared runners.',
  impact: 3,
  confidence: 80,
  effort: 26,
};

const deployProblem: ThemeProblem = {
  key: 'deploys',
  title: 'Getting a change to production (and back) takes hours',
  description:
    'Release trains, fixed canary pauses and hand-made rollbacks make every deploy slow and every revert scary.',
  impact: 2,
  confidence: 80,
  effort: 20,
};

export const THEMES: readonly Theme[] = [
  {
    key: 'slow-ci',
    relief: 'golden-ci',
    category: 'ci',
    affects: 0.85,
    painsPerYear: 2.2,
    hours: 4,
    problem: ciProblem,
  },
  {
    key: 'flaky-ci',
    relief: 'golden-ci',
    category: 'ci',
    affects: 0.6,
    painsPerYear: 1.4,
    hours: 3,
    problem: ciProblem,
  },
  {
    key: 'cve-noise',
    relief: 'base-images',
    category: 'security',
    affects: 0.5,
    painsPerYear: 1.2,
    hours: 2,
    problem: {
      key: 'cve',
      title: 'Every team patches its own base images',
      description: 'Scanners flood teams with CVEs in base image packages nobody rebuilds.',
      impact: 2,
      confidence: 80,
      effort: 12,
    },
  },
  {
    key: 'log-search',
    relief: 'service-telemetry',
    category: 'observability',
    affects: 0.7,
    painsPerYear: 1.6,
    hours: 3,
    problem: {
      key: 'observability',
      title: 'Debugging production means digging through logs by hand',
      description: 'Logs are split per cluster, kept three days and carry no request id across services.',
      impact: 2,
      confidence: 80,
      effort: 16,
    },
  },
  {
    key: 'slow-deploys',
    relief: 'progressive-delivery',
    category: 'deploy',
    affects: 0.6,
    painsPerYear: 1.4,
    hours: 3,
    problem: deployProblem,
  },
  {
    key: 'rollback',
    relief: 'progressive-delivery',
    category: 'deploy',
    affects: 0.35,
    painsPerYear: 0.8,
    hours: 2,
    problem: deployProblem,
  },
  {
    key: 'secrets-rotation',
    relief: 'secrets-injection',
    category: 'security',
    affects: 0.55,
    painsPerYear: 1.3,
    hours: 2,
    problem: {
      key: 'secrets',
      title: 'Secrets are handled and rotated by hand',
      description: 'Credentials live in three stores, get copied between environments and break prod when rotated.',
      impact: 3,
      confidence: 80,
      effort: 14,
    },
  },
  {
    key: 'db-provisioning',
    relief: 'managed-postgres',
    category: 'data',
    affects: 0.45,
    painsPerYear: 1.1,
    hours: 3,
    problem: {
      key: 'databases',
      title: 'Getting a database takes weeks of tickets',
      description: 'Every new database goes through the DBA queue; prototypes die waiting.',
      impact: 2,
      confidence: 80,
      effort: 18,
    },
  },
  {
    key: 'feature-flags',
    relief: 'feature-flags',
    category: 'deploy',
    affects: 0.4,
    painsPerYear: 0.8,
    hours: 1.5,
    problem: {
      key: 'flags',
      title: 'No way to turn a feature off without a release',
      description: 'Teams build their own toggles in config files and redeploy to flip them.',
      impact: 1,
      confidence: 80,
      effort: 10,
    },
  },
  {
    key: 'new-service-setup',
    relief: 'service-templates',
    category: 'developer-experience',
    affects: 0.45,
    painsPerYear: 0.9,
    hours: 2,
    problem: {
      key: 'new-services',
      title: 'Starting a new service takes weeks of boilerplate',
      description: 'CI, deploy files, telemetry and the catalog entry are copied from an old repository by hand.',
      impact: 1,
      confidence: 80,
      effort: 8,
    },
  },
  {
    key: 'local-dev-setup',
    relief: 'dev-environments',
    category: 'developer-experience',
    affects: 0.65,
    painsPerYear: 1.3,
    hours: 4,
    problem: {
      key: 'local-dev',
      title: 'A working local environment is hard to get and keep',
      description: 'New joiners need days to run a service locally, and local setups drift from staging.',
      impact: 2,
      confidence: 70,
      effort: 16,
    },
  },
  {
    key: 'alert-fatigue',
    relief: 'slo-as-code',
    category: 'observability',
    affects: 0.5,
    painsPerYear: 1.1,
    hours: 2,
    problem: {
      key: 'alerts',
      title: 'Too many alerts nobody acts on',
      description: 'Default threshold alerts page on-call for things that resolve themselves.',
      impact: 1,
      confidence: 80,
      effort: 8,
    },
  },
  {
    key: 'preview-envs',
    relief: null,
    category: 'developer-experience',
    affects: 0.45,
    painsPerYear: 0.9,
    hours: 3,
    problem: {
      key: 'preview',
      title: 'One shared staging environment for every team',
      description: 'Teams queue for staging and overwrite each other; no branch can be tested end to end.',
      impact: 2,
      confidence: 50,
      effort: 20,
    },
  },
  // Not accepted yet: what the suggestions group.
  { key: 'prod-access', relief: null, category: 'access', affects: 0.5, painsPerYear: 1, hours: 2, problem: null },
  { key: 'cost-visibility', relief: null, category: 'cost', affects: 0.35, painsPerYear: 0.7, hours: 1, problem: null },
  { key: 'oom-limits', relief: null, category: 'runtime', affects: 0.4, painsPerYear: 0.8, hours: 2, problem: null },
  { key: 'outdated-docs', relief: null, category: 'docs', affects: 0.45, painsPerYear: 0.8, hours: 1, problem: null },
  { key: 'cert-expiry', relief: null, category: 'security', affects: 0.3, painsPerYear: 0.6, hours: 1, problem: null },
];

/**
 * Support categories as the platform teams file requests. A category linked to a capability became self-service
 * with it: Paved's deflection compares its requests around that capability's GA date.
 */
export interface SupportCategory {
  category: string;
  /** The self-service capability; null: still answered by hand. */
  capability: string | null;
  /** The platform team that answers it. */
  platformTeam: string;
  /** Requests per customer team per month before any relief. */
  perTeamMonth: number;
  /** The themes whose support texts it uses. */
  themes: readonly string[];
}

export const SUPPORT_CATEGORIES: readonly SupportCategory[] = [
  {
    category: 'ci-pipelines',
    capability: 'golden-ci',
    platformTeam: 'platform-ci',
    perTeamMonth: 0.5,
    themes: ['slow-ci', 'flaky-ci'],
  },
  {
    category: 'container-images',
    capability: 'base-images',
    platformTeam: 'platform-runtime',
    perTeamMonth: 0.25,
    themes: ['cve-noise'],
  },
  {
    category: 'logs-and-metrics',
    capability: 'service-telemetry',
    platformTeam: 'platform-observability',
    perTeamMonth: 0.35,
    themes: ['log-search'],
  },
  {
    category: 'deployments',
    capability: 'progressive-delivery',
    platformTeam: 'platform-runtime',
    perTeamMonth: 0.35,
    themes: ['slow-deploys', 'rollback'],
  },
  {
    category: 'secrets',
    capability: 'secrets-injection',
    platformTeam: 'platform-runtime',
    perTeamMonth: 0.3,
    themes: ['secrets-rotation'],
  },
  {
    category: 'databases',
    capability: 'managed-postgres',
    platformTeam: 'platform-data',
    perTeamMonth: 0.3,
    themes: ['db-provisioning'],
  },
  {
    category: 'feature-toggles',
    capability: 'feature-flags',
    platformTeam: 'platform-devex',
    perTeamMonth: 0.15,
    themes: ['feature-flags'],
  },
  {
    category: 'new-services',
    capability: 'service-templates',
    platformTeam: 'platform-devex',
    perTeamMonth: 0.2,
    themes: ['new-service-setup'],
  },
  {
    category: 'access',
    capability: null,
    platformTeam: 'platform-runtime',
    perTeamMonth: 0.15,
    themes: ['prod-access'],
  },
  {
    category: 'kubernetes',
    capability: null,
    platformTeam: 'platform-runtime',
    perTeamMonth: 0.1,
    themes: ['oom-limits', 'cert-expiry'],
  },
  {
    category: 'docs',
    capability: null,
    platformTeam: 'platform-devex',
    perTeamMonth: 0.08,
    themes: ['outdated-docs', 'local-dev-setup'],
  },
];

/** SLA per severity (calendar hours): severity 1 is the worst. Each capability scales it by its own factor. */
export const BASE_SLA: readonly { severity: number; acknowledgeHours: number; fixHours: number }[] = [
  { severity: 1, acknowledgeHours: 4, fixHours: 24 },
  { severity: 2, acknowledgeHours: 8, fixHours: 72 },
  { severity: 3, acknowledgeHours: 24, fixHours: 240 },
  { severity: 4, acknowledgeHours: 72, fixHours: 720 },
];
