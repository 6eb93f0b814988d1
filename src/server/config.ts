import { resolve } from 'node:path';
import { DEFAULT_DEPLOY_WORKFLOWS } from '../connectors/github/read-delivery.js';
import { DEFAULT_PRODUCTION_ENVIRONMENTS } from '../shared/production.js';
import type { AuthSettings } from '../http/auth-settings.js';
import { loadAuthSettings } from './auth-config.js';

export interface Config {
  host: string;
  port: number;
  /** Where the embedded database lives when no DATABASE_URL is set. */
  dataDir: string;
  databaseUrl: string | null;
  adminToken: string | null;
  logLevel: string;
  /** Where POST /api/v1/scans may look for git repositories. */
  scanRoot: string | null;
  /** PAVED_GITHUB_WEBHOOK_SECRET; commas separate several during a rotation. */
  githubWebhookSecrets: string[];
  pagerdutyWebhookSecrets: string[];
  /** PAVED_GITLAB_WEBHOOK_TOKEN: the secret token GitLab sends in X-Gitlab-Token; commas separate several. */
  gitlabWebhookTokens: string[];
  /** PAVED_DEPLOY_WORKFLOWS: workflow name globs whose successful runs on the default branch are deployments. */
  deployWorkflows: string[];
  /** PAVED_PRODUCTION_ENVIRONMENTS: environment names or globs whose deployments count (any case). */
  productionEnvironments: string[];
  /** Sign-in: PAVED_OIDC_*, PAVED_PUBLIC_URL, PAVED_ADMINS, PAVED_SESSION_*_HOURS (src/server/auth-config.ts). */
  auth: AuthSettings;
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/** Reads configuration from the environment; secrets never come from files in the repository. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 7700);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer between 0 and 65535, got "${env.PORT}"`);
  }
  return {
    host: env.HOST ?? '127.0.0.1',
    port,
    dataDir: resolve(env.PAVED_DATA_DIR ?? '.paved'),
    databaseUrl: env.DATABASE_URL || null,
    adminToken: env.PAVED_ADMIN_TOKEN || null,
    logLevel: env.LOG_LEVEL ?? 'info',
    scanRoot: env.PAVED_SCAN_ROOT ? resolve(env.PAVED_SCAN_ROOT) : null,
    githubWebhookSecrets: (env.PAVED_GITHUB_WEBHOOK_SECRET ?? '').split(',').filter(Boolean),
    pagerdutyWebhookSecrets: (env.PAVED_PAGERDUTY_WEBHOOK_SECRET ?? '').split(',').filter(Boolean),
    gitlabWebhookTokens: (env.PAVED_GITLAB_WEBHOOK_TOKEN ?? '').split(',').filter(Boolean),
    // Set but empty means no workflow counts unless a repository's paved.dev/deploy-workflows names some.
    deployWorkflows:
      env.PAVED_DEPLOY_WORKFLOWS === undefined ? DEFAULT_DEPLOY_WORKFLOWS : list(env.PAVED_DEPLOY_WORKFLOWS),
    productionEnvironments:
      list(env.PAVED_PRODUCTION_ENVIRONMENTS).length > 0
        ? list(env.PAVED_PRODUCTION_ENVIRONMENTS)
        : DEFAULT_PRODUCTION_ENVIRONMENTS,
    auth: loadAuthSettings(env),
  };
}
