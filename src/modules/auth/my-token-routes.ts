import { z } from '@hono/zod-openapi';
import { accessRoute } from '../../http/access.js';
import { DEFAULT_AUTH_SETTINGS } from '../../http/auth-settings.js';
import { forbidden, notFound } from '../../http/errors.js';
import { jsonResponse as json } from '../../http/openapi.js';
import { createRouter, type AppDeps, type Principal } from '../../http/router.js';
import { createMyTokenBody, issuedTokenSchema, tokenSchema } from './contract.js';
import * as auth from './service.js';
import { issuePersonalToken, revokeToken } from './audited-tokens.js';
import { toTokenInfo } from './token-info.js';

/** Personal tokens belong to a person in the catalog; a service token or someone the catalog does not know has none. */
function personOf(principal: Principal): string {
  if (principal.person) return principal.person;
  throw forbidden(
    principal.tokenId !== null
      ? 'personal tokens belong to a person: you are using a service token (organisation admins manage those at /tokens)'
      : 'personal tokens belong to a person in the catalog, and the catalog has no User with your email',
  );
}

/** One's own personal tokens: they act as oneself, with one's rights as the catalog gives them at each use. */
export function myTokenRoutes({ db, auth: settings = DEFAULT_AUTH_SETTINGS }: AppDeps) {
  const app = createRouter();

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/me/tokens',
      tags: ['auth'],
      summary: "The caller's personal tokens (never their secrets)",
      responses: { 200: json(z.object({ items: z.array(tokenSchema) }), 'Personal tokens') },
    }),
    async (c) => {
      // A service token or someone the catalog does not know has no personal tokens: an empty list, not an error.
      const personRef = c.get('principal').person;
      if (!personRef) return c.json({ items: [] }, 200);
      return c.json({ items: (await auth.listTokens(db, { personRef })).map(toTokenInfo) }, 200);
    },
  );

  app.openapi(
    accessRoute('signed-in', {
      method: 'post',
      path: '/me/tokens',
      tags: ['auth'],
      summary: 'Issue a personal token that acts as the caller; the secret is in this response only',
      request: { body: { content: { 'application/json': { schema: createMyTokenBody } }, required: true } },
      responses: { 201: json(issuedTokenSchema, 'The new token') },
    }),
    async (c) => {
      const principal = c.get('principal');
      const personRef = personOf(principal);
      const { name } = c.req.valid('json');
      const issued = await issuePersonalToken(db, settings, { user: personRef, name }, principal);
      return c.json(issued, 201);
    },
  );

  app.openapi(
    accessRoute('signed-in', {
      method: 'delete',
      path: '/me/tokens/{id}',
      tags: ['auth'],
      summary: "Revoke one of the caller's personal tokens and the sessions opened with it",
      request: { params: z.object({ id: z.coerce.number().int().positive() }) },
      responses: { 204: { description: 'Revoked' } },
    }),
    async (c) => {
      const principal = c.get('principal');
      const personRef = principal.person;
      const { id } = c.req.valid('param');
      if (!personRef || !(await revokeToken(db, id, principal, { personRef })))
        throw notFound(`your active token ${id}`);
      return c.body(null, 204);
    },
  );

  return app;
}
