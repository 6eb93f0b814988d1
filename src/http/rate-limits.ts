import type { Context, MiddlewareHandler } from 'hono';
import { clientAddress } from './client-address.js';
import { AppError } from './errors.js';
import { FixedWindowLimiter, type Rate } from './rate-limiter.js';

/** Per client, each null when off. */
export interface RateLimitSettings {
  /** Sign-in attempts, right or wrong: POST /api/v1/session, /auth/login, /auth/callback. */
  signin: Rate | null;
  /** Failed authentications (a wrong token at sign-in or in an Authorization header); spent, they block both. */
  authFailures: Rate | null;
  /** Writes to /api/v1/tokens (issuing and revoking tokens). */
  tokens: Rate | null;
  /** Deliveries to /webhooks/*, signed or not. */
  webhooks: Rate | null;
}

const MINUTE = 60_000;
export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  signin: { limit: 30, windowMs: MINUTE },
  authFailures: { limit: 10, windowMs: MINUTE },
  tokens: { limit: 30, windowMs: MINUTE },
  // Generous: a sender does not always deliver again what was refused (GitHub does not by itself).
  webhooks: { limit: 3000, windowMs: MINUTE },
};

const UNITS: Record<string, number> = { s: 1000, sec: 1000, second: 1000, min: MINUTE, minute: MINUTE };
UNITS.h = UNITS.hour = 60 * MINUTE;

/** "10/min", "600/minute", "5/s", "1000/hour", or "off". */
export function parseRate(name: string, value: string): Rate | null {
  const text = value.trim().toLowerCase();
  if (text === 'off') return null;
  const match = /^(\d+)\s*\/\s*([a-z]+)$/.exec(text);
  const windowMs = match ? UNITS[match[2]!] : undefined;
  const limit = Number(match?.[1]);
  if (!windowMs || !Number.isSafeInteger(limit) || limit < 1)
    throw new Error(`${name} must be a number per s, min or hour (e.g. 10/min), or off; got "${value}"`);
  return { limit, windowMs };
}

const isSignIn = (c: Context) =>
  (c.req.method === 'POST' && c.req.path === '/api/v1/session') ||
  c.req.path === '/auth/login' ||
  c.req.path === '/auth/callback';
const isTokenWrite = (c: Context) =>
  c.req.method !== 'GET' &&
  c.req.method !== 'HEAD' &&
  (c.req.path === '/api/v1/tokens' || c.req.path.startsWith('/api/v1/tokens/'));
const isWebhook = (c: Context) => c.req.path.startsWith('/webhooks/');

function tooMany(c: Context, retryAfter: number, what: string): Response {
  const error = new AppError('RATE_LIMITED', `${what} from this client; try again in ${retryAfter} s`);
  return c.json(error.toBody(), error.status, { 'retry-after': String(retryAfter) });
}

/**
 * Per-client limits on sign-in, token writes, failed authentications and webhooks (health is never limited):
 * over a limit, 429 RATE_LIMITED with Retry-After in seconds. `trustProxy`: see clientAddress.
 */
export function rateLimits(settings: RateLimitSettings, trustProxy = 0): MiddlewareHandler {
  const limiter = (rate: Rate | null) => (rate ? new FixedWindowLimiter(rate) : null);
  const signin = limiter(settings.signin);
  const failures = limiter(settings.authFailures);
  const tokens = limiter(settings.tokens);
  const webhooks = limiter(settings.webhooks);

  return async (c, next) => {
    if (c.req.path === '/api/health') return next();
    const signingIn = isSignIn(c);
    const presentsToken = signingIn || c.req.header('authorization') !== undefined;
    const webhook = isWebhook(c);
    if (!presentsToken && !webhook && !isTokenWrite(c)) return next();

    const client = clientAddress(c, trustProxy);
    if (presentsToken && failures) {
      const wait = failures.retryAfter(client);
      if (wait) return tooMany(c, wait, 'too many failed sign-ins');
    }
    if (signingIn && signin) {
      const wait = signin.hit(client);
      if (wait) return tooMany(c, wait, 'too many sign-in attempts');
    }
    if (tokens && isTokenWrite(c)) {
      const wait = tokens.hit(client);
      if (wait) return tooMany(c, wait, 'too many token changes');
    }
    if (webhook && webhooks) {
      const wait = webhooks.hit(client);
      if (wait) return tooMany(c, wait, 'too many webhook deliveries');
    }
    await next();
    if (presentsToken && failures && c.res.status === 401) failures.hit(client);
  };
}
