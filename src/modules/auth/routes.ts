import { z } from '@hono/zod-openapi';
import { accessRoute } from '../../http/access.js';
import { getCookie } from 'hono/cookie';
import { DEFAULT_AUTH_SETTINGS } from '../../http/auth-settings.js';
import { AppError, notFound } from '../../http/errors.js';
import { createRouter, type AppDeps, type Principal } from '../../http/router.js';
import type { Db } from '../../db/schema/index.js';
import {
  authConfigSchema,
  createTokenBody,
  issuedTokenSchema,
  meSchema,
  signInBody,
  tokenSchema,
  type Me,
} from './contract.js';
import * as auth from './service.js';
import { issuePersonalToken, issueToken, revokeToken } from './audited-tokens.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';
import { toTokenInfo } from './token-info.js';
import { ownerRefOf } from '../catalog/service.js';
import { jsonResponse as json } from '../../http/openapi.js';

/** The caller, with the person's title and email from the catalog for the top bar. */
async function toMe(db: Db, p: Principal): Promise<Me> {
  const user = p.person ? await auth.findUser(db, { ref: p.person }) : null;
  const email = user?.email ?? (p.person === null && p.name.includes('@') && p.tokenId === null ? p.name : null);
  return {
    name: p.name,
    role: p.role,
    orgAdmin: p.orgAdmin,
    person: p.person,
    teams: p.teams,
    via: p.via,
    displayName: user ? (user.title ?? user.name) : email,
    email,
  };
}

export function authRoutes({ db, auth: settings = DEFAULT_AUTH_SETTINGS }: AppDeps) {
  const app = createRouter();

  app.openapi(
    accessRoute('public', {
      method: 'get',
      path: '/auth-config',
      tags: ['auth'],
      summary: 'How to sign in: whether an identity provider is configured (for the sign-in page)',
      responses: { 200: json(authConfigSchema, 'Sign-in options') },
    }),
    (c) => {
      const oidc = Boolean(settings.oidc && settings.publicUrl);
      return c.json({ oidc, loginUrl: oidc ? '/auth/login' : null }, 200);
    },
  );

  app.openapi(
    accessRoute('public', {
      method: 'post',
      path: '/session',
      tags: ['auth'],
      summary: 'Sign in with an API token; sets the session cookie',
      request: { body: { content: { 'application/json': { schema: signInBody } }, required: true } },
      responses: { 200: json(meSchema, 'Signed in') },
    }),
    async (c) => {
      const { token } = c.req.valid('json');
      const principal = await auth.authenticateToken(db, token, undefined, settings);
      if (!principal) throw new AppError('UNAUTHENTICATED', 'the token is unknown, revoked or expired');
      setSessionCookie(c, await auth.openSession(db, principal, settings), settings);
      return c.json(await toMe(db, { ...principal, via: 'session' }), 200);
    },
  );

  app.openapi(
    accessRoute('signed-in', {
      method: 'delete',
      path: '/session',
      tags: ['auth'],
      summary: 'Sign out',
      responses: { 204: { description: 'Signed out' } },
    }),
    async (c) => {
      const sessionId = getCookie(c, auth.SESSION_COOKIE);
      if (sessionId) await auth.closeSession(db, sessionId);
      clearSessionCookie(c, settings);
      return c.body(null, 204);
    },
  );

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/me',
      tags: ['auth'],
      summary: 'Who is calling',
      responses: { 200: json(meSchema, 'The caller') },
    }),
    async (c) => c.json(await toMe(db, c.get('principal')), 200),
  );

  app.openapi(
    accessRoute('org-admin', {
      method: 'get',
      path: '/tokens',
      tags: ['auth'],
      summary: 'List API tokens, personal (with their person) and service tokens (never their secrets)',
      responses: { 200: json(z.object({ items: z.array(tokenSchema) }), 'Tokens') },
    }),
    async (c) => {
      return c.json({ items: (await auth.listTokens(db)).map(toTokenInfo) }, 200);
    },
  );

  app.openapi(
    accessRoute('org-admin', {
      method: 'post',
      path: '/tokens',
      tags: ['auth'],
      summary: 'Issue a service token, or a personal one (`user`); the secret is in this response only',
      request: { body: { content: { 'application/json': { schema: createTokenBody } }, required: true } },
      responses: { 201: json(issuedTokenSchema, 'The new token') },
    }),
    async (c) => {
      const principal = c.get('principal');
      const { team, user, role, ...body } = c.req.valid('json');
      if (user) {
        if (role)
          throw new AppError('VALIDATION_FAILED', "role: a personal token has its person's rights", [
            { field: 'role', reason: "not with user: a personal token has its person's rights" },
          ]);
        if (team)
          throw new AppError('VALIDATION_FAILED', "team: a personal token has its person's teams", [
            { field: 'team', reason: "not with user: a personal token has its person's teams" },
          ]);
        const issued = await issuePersonalToken(
          db,
          settings,
          { user, name: body.name, scopes: body.scopes ?? [] },
          principal,
        );
        return c.json(issued, 201);
      }
      if (!role)
        throw new AppError(
          'VALIDATION_FAILED',
          'role: required for a service token (or give user for a personal one)',
          [{ field: 'role', reason: 'required for a service token (or give user for a personal one)' }],
        );
      const issued = await issueToken(db, { ...body, role, teamRef: team ? ownerRefOf(team) : null }, principal);
      return c.json(issued, 201);
    },
  );

  app.openapi(
    accessRoute('org-admin', {
      method: 'delete',
      path: '/tokens/{id}',
      tags: ['auth'],
      summary: 'Revoke a token and the sessions opened with it',
      request: { params: z.object({ id: z.coerce.number().int().positive() }) },
      responses: { 204: { description: 'Revoked' } },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      if (!(await revokeToken(db, id, c.get('principal')))) throw notFound(`active token ${id}`);
      return c.body(null, 204);
    },
  );

  return app;
}
