import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { secureCookies, type AuthSettings } from '../../http/auth-settings.js';
import type { OpenedSession } from './service.js';
import { SESSION_COOKIE } from './service.js';

/**
 * HttpOnly (scripts never read it), SameSite=Lax (sent on the provider's redirect back to /auth/callback, a
 * top-level navigation, and on no cross-site subrequest), Secure whenever PAVED_PUBLIC_URL is https: behind a TLS
 * proxy the request itself is http, so the request's URL cannot tell.
 */
export function setSessionCookie(c: Context, session: OpenedSession, settings: AuthSettings) {
  setCookie(c, SESSION_COOKIE, session.sessionId, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    // Without a public URL, a request that did arrive over https still gets a Secure cookie.
    secure: secureCookies(settings) || (!settings.publicUrl && new URL(c.req.url).protocol === 'https:'),
    expires: session.expiresAt,
  });
}

export function clearSessionCookie(c: Context, settings: AuthSettings) {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secureCookies(settings), httpOnly: true, sameSite: 'Lax' });
}
