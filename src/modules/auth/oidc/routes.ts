import { z } from '@hono/zod-openapi';
import { getCookie, deleteCookie, setCookie } from 'hono/cookie';
import { accessRoute } from '../../../http/access.js';
import { DEFAULT_AUTH_SETTINGS, secureCookies } from '../../../http/auth-settings.js';
import { AppError } from '../../../http/errors.js';
import { createRouter, type AppDeps } from '../../../http/router.js';
import { closeSession, openSession, SESSION_COOKIE } from '../service.js';
import { clearSessionCookie, setSessionCookie } from '../session-cookie.js';
import { generateToken, hashSecret } from '../tokens.js';
import { OidcClient } from './client.js';
import { failurePage } from './failure-page.js';
import { insertLogin, takeLogin } from './repo.js';
import { safeReturnTo } from './return-to.js';
import { signInPerson } from './sign-in-person.js';

const LOGIN_COOKIE = 'paved_oidc';
const LOGIN_TTL_MS = 10 * 60_000;

const redirect = { 302: { description: 'To the identity provider, or back to the page the person came from' } };
const page = (description: string) => ({ description, content: { 'text/html': { schema: z.string() } } });

/** Sign-in with the company's identity provider, outside /api: the browser navigates here. */
export function oidcRoutes({ db, auth = DEFAULT_AUTH_SETTINGS }: AppDeps) {
  const app = createRouter();
  const client = auth.oidc && auth.publicUrl ? new OidcClient(auth.oidc, `${auth.publicUrl}/auth/callback`) : null;
  const notConfigured = new AppError(
    'NOT_FOUND',
    'no identity provider is configured: set PAVED_OIDC_ISSUER, PAVED_OIDC_CLIENT_ID, PAVED_OIDC_CLIENT_SECRET and PAVED_PUBLIC_URL, or sign in with a token',
  );

  app.openapi(
    accessRoute('public', {
      method: 'get',
      path: '/auth/login',
      tags: ['auth'],
      summary: 'Start signing in with the identity provider (authorization code flow with PKCE)',
      request: { query: z.object({ returnTo: z.string().max(1000).optional() }) },
      responses: {
        ...redirect,
        404: page('No identity provider is configured'),
        502: page('The provider is unreachable'),
      },
    }),
    async (c) => {
      try {
        if (!client) throw notConfigured;
        const { url, login } = await client.start(safeReturnTo(c.req.valid('query').returnTo));
        const loginId = generateToken('pvl');
        await insertLogin(db, hashSecret(loginId), login, new Date(Date.now() + LOGIN_TTL_MS));
        // Binds the sign-in to this browser: a callback carrying someone else's code and state finds no login here.
        setCookie(c, LOGIN_COOKIE, loginId, {
          httpOnly: true,
          sameSite: 'Lax',
          path: '/auth/',
          secure: secureCookies(auth),
          maxAge: LOGIN_TTL_MS / 1000,
        });
        return c.redirect(url.href, 302);
      } catch (error) {
        if (error instanceof AppError) return failurePage(c, error);
        throw error;
      }
    },
  );

  app.openapi(
    accessRoute('public', {
      method: 'get',
      path: '/auth/callback',
      tags: ['auth'],
      summary: 'The identity provider returns here: checks state, nonce and the ID token, then opens a session',
      request: {
        query: z.looseObject({ state: z.string().max(2000).optional(), code: z.string().max(4000).optional() }),
      },
      responses: {
        ...redirect,
        400: page('No sign-in was started in this browser, or its state does not match'),
        401: page('The provider refused, or its answer could not be verified'),
        403: page('Paved does not know this person and lets only people in its catalog in'),
      },
    }),
    async (c) => {
      try {
        if (!client || !auth.publicUrl) throw notConfigured;
        const loginId = getCookie(c, LOGIN_COOKIE);
        deleteCookie(c, LOGIN_COOKIE, { path: '/auth/', secure: secureCookies(auth) });
        const login = loginId ? await takeLogin(db, hashSecret(loginId)) : null;
        if (!login)
          throw new AppError(
            'VALIDATION_FAILED',
            'no sign-in was started in this browser, or it took longer than 10 minutes: start again',
            [{ field: 'state', reason: 'no pending sign-in for this browser' }],
          );
        // The URL the provider redirected to, as the provider saw it: behind a proxy the request's own URL is not it.
        const incoming = new URL(c.req.url);
        const callbackUrl = new URL(`${auth.publicUrl}/auth/callback${incoming.search}`);
        const identity = await client.finish(callbackUrl, login);
        const { principal, claim } = await signInPerson(db, auth, identity);
        setSessionCookie(c, await openSession(db, principal, auth, claim), auth);
        return c.redirect(login.returnTo, 302);
      } catch (error) {
        if (error instanceof AppError) return failurePage(c, error);
        throw error;
      }
    },
  );

  app.openapi(
    accessRoute('public', {
      method: 'post',
      path: '/auth/logout',
      tags: ['auth'],
      summary: 'Sign out: ends the session and clears its cookie',
      responses: { 303: { description: 'To the sign-in page' } },
    }),
    async (c) => {
      const sessionId = getCookie(c, SESSION_COOKIE);
      if (sessionId) await closeSession(db, sessionId);
      clearSessionCookie(c, auth);
      return c.redirect('/sign-in', 303);
    },
  );

  return app;
}
