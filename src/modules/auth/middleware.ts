import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Db } from '../../db/schema/index.js';
import { DEFAULT_AUTH_SETTINGS, type AuthSettings } from '../../http/auth-settings.js';
import { AppError } from '../../http/errors.js';
import type { AppEnv, Principal } from '../../http/router.js';
import { ACTOR_HEADER, authenticateSession, authenticateToken, SESSION_COOKIE } from './service.js';

/**
 * Every /api/v1 route passes here: a bearer token or a session cookie, nothing else, except the few open routes
 * (sign-in). What each route then needs is its declared access (src/http/access.ts).
 */
export function requireAuth(
  db: Db,
  open: { method: string; path: string }[] = [],
  settings: AuthSettings = DEFAULT_AUTH_SETTINGS,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (open.some((o) => o.method === c.req.method && o.path === c.req.path)) return next();
    const header = c.req.header('authorization');
    let principal: Principal | null = null;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match?.[1]) throw new AppError('UNAUTHENTICATED', 'Authorization header must be "Bearer <token>"');
      principal = await authenticateToken(db, match[1], c.req.header(ACTOR_HEADER), settings);
      if (!principal) throw new AppError('UNAUTHENTICATED', 'the token is unknown, revoked or expired');
    } else {
      const sessionId = getCookie(c, SESSION_COOKIE);
      if (sessionId) principal = await authenticateSession(db, sessionId, settings);
      if (!principal) throw new AppError('UNAUTHENTICATED', 'sign in or send "Authorization: Bearer <token>"');
    }
    c.set('principal', principal);
    await next();
  };
}
