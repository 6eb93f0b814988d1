import { OpenAPIHono } from '@hono/zod-openapi';
import type { ZodError } from 'zod';
import type { Role } from '../db/schema/auth.js';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema/index.js';
import { AppError, type ErrorDetail } from './errors.js';
import type { Logger } from './logger.js';
import type { RateLimitSettings } from './rate-limits.js';
import type { AuthSettings } from './auth-settings.js';

export interface Principal {
  /** The highest role: admin (an organisation admin, or a member of a platform team), member, viewer. */
  role: Role;
  /** Administers everything, not only their teams' capabilities: admin tokens without a team, PAVED_ADMINS. */
  orgAdmin: boolean;
  /** The group refs the caller belongs to: a person's memberOf, or the team a token was issued for. */
  teams: string[];
  /** The catalog User acting, when a person signed in or uses a personal token; null for service tokens. */
  person: string | null;
  /** Who acts, as credited in records: the person, the token's name, or `cli:<user>`. */
  name: string;
  tokenId: number | null;
  via: 'token' | 'session';
  scopes: string[];
}

export interface AppEnv {
  Variables: {
    principal: Principal;
    logger: Logger;
  };
}

/** `detect[0].pattern`: the same notation the descriptor validation uses. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)),
    '',
  );
}

/** Field-by-field reasons from a zod failure; unknown keys are named one by one. */
export function zodDetails(error: ZodError): ErrorDetail[] {
  return error.issues.flatMap((issue) => {
    const base = fieldPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: base ? `${base}.${key}` : key, reason: 'unknown field' }));
    }
    return [{ field: base || '(body)', reason: issue.message }];
  });
}

export function validationError(details: ErrorDetail[]): AppError {
  const first = details[0];
  const message = first ? `${first.field}: ${first.reason}` : 'invalid input';
  return new AppError('VALIDATION_FAILED', message, details);
}

/** Every module's router validates the same way, so every 400 has the same body. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(zodDetails(result.error as ZodError));
    },
  });
}

export type Router = ReturnType<typeof createRouter>;

export interface AppDeps {
  db: Kysely<Database>;
  logger: Logger;
  /** Wakes the job runner after an enqueue; absent when no worker runs in this process. */
  notifyJobs?: () => void;
  /** Built SPA files; absent in API-only tests. */
  webRoot?: string | null;
  /** The directory under which POST /scans may scan repositories (PAVED_SCAN_ROOT). */
  scanRoot?: string | null;
  /**
   * How long after a webhook delivery its derivation job is due (0 when absent): deliveries arriving meanwhile are
   * derived with it, in one batch. The server uses DERIVE_AFTER_MS.
   */
  deriveDelayMs?: number;
  /** Environment names or globs whose deployments count (PAVED_PRODUCTION_ENVIRONMENTS; production and prod when absent). */
  productionEnvironments?: string[];
  /** Webhook secrets by sender; several allow rotation. */
  webhookSecrets?: { github?: string[]; gitlab?: string[]; pagerduty?: string[] };
  /**
   * PAVED_ALLOW_PRIVATE_DESTINATIONS: URLs people type (a Backstage to import from) may point at loopback, private
   * and link-local addresses. Absent: public addresses only.
   */
  allowPrivateDestinations?: boolean;
  /** PAVED_SECRET_KEY's 32 bytes: integration secrets are stored encrypted with it; none are stored without it. */
  secretKey?: Buffer | null;
  /** Per-client limits (PAVED_RATE_LIMIT_*); absent or null: none (the server passes the configured ones). */
  rateLimits?: RateLimitSettings | null;
  /** PAVED_TRUST_PROXY: how many proxies in front of Paved add to X-Forwarded-For (0: use the connection's peer). */
  trustProxy?: number;
  /** A snapshot of the embedded database's files (gzipped tar) for GET /backup; absent on PostgreSQL. */
  dumpDatabase?: () => Promise<Blob>;
  /** Fetch used to reach outside systems (a Backstage catalog), replaceable in tests. */
  fetch?: typeof fetch;
  /** Sign-in (OIDC), organisation admins, default role, session lifetimes; token sign-in only when absent. */
  auth?: AuthSettings;
}
