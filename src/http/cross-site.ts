import type { MiddlewareHandler } from 'hono';
import { AppError } from './errors.js';
import type { AppEnv } from './router.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses writes a browser sends on behalf of another site. SameSite cookies do not cover another port or a
 * sibling subdomain, and `text/plain` or multipart bodies need no preflight, so a write that rides on the session
 * cookie must come from Paved's own pages: `Sec-Fetch-Site: same-origin`, or, from browsers that do not send it, an
 * `Origin` equal to Paved's. Calls with a bearer token carry no ambient credential and pass untouched; so do
 * requests without a cookie (a sign-in from a script).
 *
 * `publicUrl` (PAVED_PUBLIC_URL) names Paved's origin behind a proxy; without it the request's own origin counts.
 */
export function refuseCrossSite(cookieName: string, publicUrl: string | null = null): MiddlewareHandler<AppEnv> {
  const configured = publicUrl ? new URL(publicUrl).origin : null;
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || c.req.header('authorization')) return next();
    const fetchSite = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const hasCookie = (c.req.header('cookie') ?? '').split(';').some((p) => p.trim().startsWith(`${cookieName}=`));
    if (fetchSite !== undefined) {
      if (fetchSite === 'same-origin' || fetchSite === 'none') return next();
      throw refused(`Sec-Fetch-Site is ${fetchSite}`);
    }
    if (origin !== undefined) {
      const own = configured ?? new URL(c.req.url).origin;
      if (origin === own) return next();
      throw refused(`Origin ${origin} is not ${own}`);
    }
    if (hasCookie) throw refused('the request names neither its Origin nor Sec-Fetch-Site');
    return next();
  };
}

const refused = (why: string) =>
  new AppError(
    'FORBIDDEN',
    `cross-site write refused (${why}): use Paved's own pages, or send "Authorization: Bearer <token>" from scripts`,
  );
