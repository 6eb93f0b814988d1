import { resolve } from 'node:path';
import { DEFAULT_DEPLOY_WORKFLOWS } from '../connectors/github/read-delivery.js';
import { DEFAULT_FEEDBACK_LABELS, type FeedbackLabels } from '../connectors/issue-feedback.js';
import { DEFAULT_PRODUCTION_ENVIRONMENTS } from '../shared/production.js';
import { parseSecretKey } from '../modules/integrations/secret-box.js';
import { DEFAULT_RATE_LIMITS, parseRate, type RateLimitSettings } from '../http/rate-limits.js';
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
  /** PAVED_FEEDBACK_BUG_LABELS, _REQUEST_LABELS, _SUPPORT_LABELS: issue labels that make feedback items. */
  feedbackLabels: FeedbackLabels;
  /** PAVED_ALLOW_PRIVATE_DESTINATIONS: typed URLs may reach loopback, private and link-local addresses. */
  allowPrivateDestinations: boolean;
  /** PAVED_SECRET_KEY: 32 bytes (base64) that encrypt integration secrets at rest; null when unset. */
  secretKey: Buffer | null;
  /** PAVED_RATE_LIMIT_SIGNIN, _AUTH_FAILURES, _TOKENS, _WEBHOOKS (each "N/min" or off); null: PAVED_RATE_LIMITS=off. */
  rateLimits: RateLimitSettings | null;
  /** PAVED_TRUST_PROXY: true (one proxy) or the number of proxies adding to X-Forwarded-For; 0 trusts none. */
  trustProxy: number;
  /** Sign-in: PAVED_OIDC_*, PAVED_PUBLIC_URL, PAVED_ADMINS, PAVED_SESSION_*_HOURS (src/server/auth-config.ts). */
  auth: AuthSettings;
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/** An on/off setting: true or 1, false or 0 (or unset); anything else is refused rather than guessed. */
function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const value = (env[name] ?? '').trim().toLowerCase();
  if (value === '' || value === 'false' || value === '0') return false;
  if (value === 'true' || value === '1') return true;
  throw new Error(`${name} must be true or false, got "${env[name]}"`);
}

const RATE_SETTINGS: Record<keyof RateLimitSettings, string> = {
  signin: 'PAVED_RATE_LIMIT_SIGNIN',
  authFailures: 'PAVED_RATE_LIMIT_AUTH_FAILURES',
  tokens: 'PAVED_RATE_LIMIT_TOKENS',
  webhooks: 'PAVED_RATE_LIMIT_WEBHOOKS',
};

function rateLimits(env: NodeJS.ProcessEnv): RateLimitSettings | null {
  const all = (env.PAVED_RATE_LIMITS ?? 'on').trim().toLowerCase();
  if (all === 'off') return null;
  if (all !== 'on' && all !== '')
    throw new Error(`PAVED_RATE_LIMITS must be on or off, got "${env.PAVED_RATE_LIMITS}"`);
  const settings = { ...DEFAULT_RATE_LIMITS };
  for (const [key, name] of Object.entries(RATE_SETTINGS) as [keyof RateLimitSettings, string][]) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '') settings[key] = parseRate(name, value);
  }
  return settings;
}

function trustProxy(env: NodeJS.ProcessEnv): number {
  const value = (env.PAVED_TRUST_PROXY ?? '').trim().toLowerCase();
  if (value === 'true') return 1;
  if (value === '' || value === 'false') return 0;
  if (/^\d{1,2}$/.test(value)) return Number(value);
  throw new Error(`PAVED_TRUST_PROXY must be true, false or a number of proxies, got "${env.PAVED_TRUST_PROXY}"`);
}

/** Each kind's labels; set but empty means no issue becomes that kind. */
function feedbackLabels(env: NodeJS.ProcessEnv): FeedbackLabels {
  const labels = (name: string, fallback: string[]) => (env[name] === undefined ? fallback : list(env[name]));
  return {
    bug: labels('PAVED_FEEDBACK_BUG_LABELS', DEFAULT_FEEDBACK_LABELS.bug),
    request: labels('PAVED_FEEDBACK_REQUEST_LABELS', DEFAULT_FEEDBACK_LABELS.request),
    support: labels('PAVED_FEEDBACK_SUPPORT_LABELS', DEFAULT_FEEDBACK_LABELS.support),
  };
}

/** The shortest PAVED_ADMIN_TOKEN accepted: a short admin token can be guessed. */
export const MIN_ADMIN_TOKEN_LENGTH = 32;

function adminToken(value: string | undefined): string | null {
  if (!value) return null;
  if (value.length < MIN_ADMIN_TOKEN_LENGTH)
    throw new Error(
      `PAVED_ADMIN_TOKEN must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters long (it has ${value.length}): ` +
        'a short admin token can be guessed; generate one with `openssl rand -hex 32`',
    );
  return value;
}

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
    adminToken: adminToken(env.PAVED_ADMIN_TOKEN),
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
    feedbackLabels: feedbackLabels(env),
    allowPrivateDestinations: flag(env, 'PAVED_ALLOW_PRIVATE_DESTINATIONS'),
    secretKey: parseSecretKey(env.PAVED_SECRET_KEY),
    rateLimits: rateLimits(env),
    trustProxy: trustProxy(env),
    auth: loadAuthSettings(env),
  };
}
