import { z } from '@hono/zod-openapi';
import { accessRoute } from '../../http/access.js';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { AppError, notFound } from '../../http/errors.js';
import { createRouter, type AppDeps, type Principal } from '../../http/router.js';
import { createTokenBody, issuedTokenSchema, meSchema, signInBody, tokenSchema, type Me } from './contract.js';
import * as auth from './service.js';
import { issueToken, revokeToken } from './audited-tokens.js';
import { ownerRefOf } from '../catalog/service.js';
import { isoOrNull as iso, jsonResponse as json } from '../../http/openapi.js';

const toMe = (p: Principal): Me => ({
  name: p.name,
  role: p.role,
  orgAdmin: p.orgAdmin,
  person: p.person,
  teams: p.teams,
  via: p.via,
});

export function authRoutes({ db }: AppDeps) {
  const app = createRouter();

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
      const principal = await auth.authenticateToken(db, token);
      if (!principal) throw new AppError('UNAUTHENTICATED', 'the token is unknown, revoked or expired');
      const session = await auth.openSession(db, principal);
      setCookie(c, auth.SESSION_COOKIE, session.sessionId, {
        httpOnly: true,
        sameSite: 'Strict',
        path: '/',
        secure: new URL(c.req.url).protocol === 'https:',
        expires: session.expiresAt,
      });
      return c.json(toMe({ ...principal, via: 'session' }), 200);
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
      deleteCookie(c, auth.SESSION_COOKIE, { path: '/' });
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
    (c) => {
      return c.json(toMe(c.get('principal')), 200);
    },
  );

  app.openapi(
    accessRoute('org-admin', {
      method: 'get',
      path: '/tokens',
      tags: ['auth'],
      summary: 'List API tokens (never their secrets)',
      responses: { 200: json(z.object({ items: z.array(tokenSchema) }), 'Tokens') },
    }),
    async (c) => {
      const rows = await auth.listTokens(db);
      const items = rows.map((r) => ({
        id: r.id,
        name: r.name,
        role: r.role,
        scopes: r.scopes,
        team: r.team_ref,
        createdBy: r.created_by,
        createdAt: iso(r.created_at) ?? '',
        lastUsedAt: iso(r.last_used_at),
        revokedAt: iso(r.revoked_at),
      }));
      return c.json({ items }, 200);
    },
  );

  app.openapi(
    accessRoute('org-admin', {
      method: 'post',
      path: '/tokens',
      tags: ['auth'],
      summary: 'Issue an API token; the secret is in this response only',
      request: { body: { content: { 'application/json': { schema: createTokenBody } }, required: true } },
      responses: { 201: json(issuedTokenSchema, 'The new token') },
    }),
    async (c) => {
      const principal = c.get('principal');
      const { team, ...body } = c.req.valid('json');
      const issued = await issueToken(db, { ...body, teamRef: team ? ownerRefOf(team) : null }, principal);
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
