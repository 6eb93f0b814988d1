import type { Role } from '../db/schema/auth.js';
import { DEFAULT_AUTH_SETTINGS, type AuthSettings } from '../http/auth-settings.js';

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function httpUrl(name: string, value: string, loopbackOnly: boolean): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be a URL, got "${value}"`);
  }
  // The provider over plain http only on this machine (a provider started for a test or a trial): anywhere else
  // its keys and tokens could be tampered with on the way.
  const allowed =
    url.protocol === 'https:' || (url.protocol === 'http:' && (!loopbackOnly || LOOPBACK.has(url.hostname)));
  if (!allowed)
    throw new Error(`${name} must be an https URL${loopbackOnly ? ' (http only for localhost)' : ''}, got "${value}"`);
  return url;
}

function hours(env: NodeJS.ProcessEnv, name: string, fallbackMs: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallbackMs;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number of hours, got "${value}"`);
  return n * 3600_000;
}

/** Sign-in settings from the environment; a partial OIDC configuration stops the start with what is missing. */
export function loadAuthSettings(env: NodeJS.ProcessEnv): AuthSettings {
  const publicUrl = env.PAVED_PUBLIC_URL ? httpUrl('PAVED_PUBLIC_URL', env.PAVED_PUBLIC_URL, false) : null;
  const oidcVars = ['PAVED_OIDC_ISSUER', 'PAVED_OIDC_CLIENT_ID', 'PAVED_OIDC_CLIENT_SECRET', 'PAVED_PUBLIC_URL'];
  const set = oidcVars.filter((name) => env[name]);
  const oidcWanted = set.some((name) => name !== 'PAVED_PUBLIC_URL');
  if (oidcWanted && set.length < oidcVars.length) {
    const missing = oidcVars.filter((name) => !env[name]);
    throw new Error(`OIDC sign-in is partly configured: set ${missing.join(', ')} too (or unset ${set.join(', ')})`);
  }
  if (env.PAVED_OIDC_ISSUER) httpUrl('PAVED_OIDC_ISSUER', env.PAVED_OIDC_ISSUER, true);
  const defaultRole = (env.PAVED_OIDC_DEFAULT_ROLE || 'viewer') as Role | 'none';
  if (!['viewer', 'member', 'none'].includes(defaultRole))
    throw new Error(`PAVED_OIDC_DEFAULT_ROLE must be viewer, member or none, got "${defaultRole}"`);
  const sessionIdleMs = hours(env, 'PAVED_SESSION_IDLE_HOURS', DEFAULT_AUTH_SETTINGS.sessionIdleMs);
  const sessionMaxMs = hours(env, 'PAVED_SESSION_MAX_HOURS', DEFAULT_AUTH_SETTINGS.sessionMaxMs);
  return {
    publicUrl: publicUrl ? publicUrl.href.replace(/\/+$/, '') : null,
    oidc:
      oidcWanted && env.PAVED_OIDC_ISSUER && env.PAVED_OIDC_CLIENT_ID && env.PAVED_OIDC_CLIENT_SECRET
        ? {
            issuer: env.PAVED_OIDC_ISSUER,
            clientId: env.PAVED_OIDC_CLIENT_ID,
            clientSecret: env.PAVED_OIDC_CLIENT_SECRET,
            scopes: env.PAVED_OIDC_SCOPES?.trim() || 'openid email profile',
            groupsClaim: env.PAVED_OIDC_GROUPS_CLAIM?.trim() || 'groups',
            adminGroups: list(env.PAVED_OIDC_ADMIN_GROUPS),
          }
        : null,
    admins: list(env.PAVED_ADMINS).map((email) => email.toLowerCase()),
    defaultRole,
    sessionIdleMs,
    sessionMaxMs: Math.max(sessionMaxMs, sessionIdleMs),
  };
}
