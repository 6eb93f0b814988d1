import type { Role } from '../db/schema/auth.js';

/** The company's identity provider (OIDC), when one is configured. */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Space-separated, `openid email profile` by default. */
  scopes: string;
  /** The claim that lists the person's groups at the provider (`groups`). */
  groupsClaim: string;
  /** Values of that claim that make an organisation admin. */
  adminGroups: string[];
}

/** How people sign in and how long their sessions last: from the environment (src/server/auth-config.ts). */
export interface AuthSettings {
  /** PAVED_PUBLIC_URL without a trailing slash: the redirect URI's base, and whether cookies are Secure. */
  publicUrl: string | null;
  oidc: OidcSettings | null;
  /** Emails (lower case) of organisation admins. */
  admins: string[];
  /** The role of someone the catalog does not know; `none` refuses them. */
  defaultRole: Role | 'none';
  /** A session unused this long ends. */
  sessionIdleMs: number;
  /** A session ends this long after sign-in, used or not. */
  sessionMaxMs: number;
}

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  publicUrl: null,
  oidc: null,
  admins: [],
  defaultRole: 'viewer',
  sessionIdleMs: 12 * 3600_000,
  sessionMaxMs: 7 * 24 * 3600_000,
};

/** Cookies are Secure when Paved is reached over https, as PAVED_PUBLIC_URL says (behind a TLS proxy the request is http). */
export const secureCookies = (settings: AuthSettings) => settings.publicUrl?.startsWith('https://') ?? false;
