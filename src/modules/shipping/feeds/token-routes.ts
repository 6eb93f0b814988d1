import { z } from '@hono/zod-openapi';
import { accessRoute } from '../../../http/access.js';
import { forbidden, notFound } from '../../../http/errors.js';
import { errorResponse, jsonBody, jsonResponse as json } from '../../../http/openapi.js';
import { createRouter, type AppDeps, type Principal } from '../../../http/router.js';
import { feedListSchema, feedTokenCreate, feedTokenSchema, issuedFeedTokenSchema, type Feed } from './contract.js';
import { listCapabilityNames, listFeedTokens } from './repo.js';
import { createFeedToken, revokeFeedToken, toFeedToken } from './write-feed-token.js';

function personOf(principal: Principal): string {
  if (principal.person) return principal.person;
  throw forbidden('feed tokens belong to a person: sign in, or use a personal token, to make one');
}

/** A person's feed tokens, and the feeds they may read with them. */
export function feedTokenRoutes({ db, auth }: AppDeps) {
  const app = createRouter();

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/feed-tokens',
      tags: ['shipping'],
      summary: "The caller's feed tokens not revoked (never their secrets)",
      responses: { 200: json(z.object({ items: z.array(feedTokenSchema) }), 'Feed tokens') },
    }),
    async (c) => {
      const person = c.get('principal').person;
      return c.json({ items: person ? (await listFeedTokens(db, person)).map(toFeedToken) : [] }, 200);
    },
  );

  app.openapi(
    accessRoute('signed-in', {
      method: 'post',
      path: '/feed-tokens',
      tags: ['shipping'],
      summary: 'A read-only feed token for the caller, to put in feed URLs; the secret is in this answer only',
      request: jsonBody(feedTokenCreate),
      responses: {
        201: json(issuedFeedTokenSchema, 'The new token'),
        400: errorResponse('VALIDATION_FAILED: names the field'),
        403: errorResponse('FORBIDDEN: a service token has no person to read for'),
      },
    }),
    async (c) => {
      const principal = c.get('principal');
      const issued = await createFeedToken(db, principal, personOf(principal), c.req.valid('json').name);
      return c.json(issued, 201);
    },
  );

  app.openapi(
    accessRoute('signed-in', {
      method: 'delete',
      path: '/feed-tokens/{id}',
      tags: ['shipping'],
      summary: "Revoke one of the caller's feed tokens: feeds read with it answer 404 from now on",
      request: { params: z.object({ id: z.coerce.number().int().positive() }) },
      responses: { 204: { description: 'Revoked' }, 404: errorResponse('NOT_FOUND: no active token of yours') },
    }),
    async (c) => {
      const principal = c.get('principal');
      const { id } = c.req.valid('param');
      if (!principal.person || !(await revokeFeedToken(db, principal, principal.person, id)))
        throw notFound(`your active feed token ${id}`);
      return c.body(null, 204);
    },
  );

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/feeds',
      tags: ['shipping'],
      summary:
        "The feeds the caller may read: all releases, each capability's, the caller's teams' what's new; URLs carry {token}",
      responses: { 200: json(feedListSchema, 'Feeds') },
    }),
    async (c) => {
      const base = auth?.publicUrl ?? new URL(c.req.url).origin;
      const urls = (path: string) => ({
        atom: `${base}/feeds/${path}.atom?token={token}`,
        json: `${base}/feeds/${path}.json?token={token}`,
      });
      const teams = c
        .get('principal')
        .teams.filter((ref) => ref.startsWith('group:default/'))
        .map((ref) => ref.slice('group:default/'.length));
      const items: Feed[] = [
        { kind: 'all', name: null, title: 'All releases', ...urls('releases') },
        ...teams.map((name): Feed => ({
          kind: 'team',
          name,
          title: `What’s new for ${name}`,
          ...urls(`teams/${name}`),
        })),
        ...(await listCapabilityNames(db)).map((cap): Feed => ({
          kind: 'capability',
          name: cap.name,
          title: `${cap.title || cap.name} releases`,
          ...urls(`capabilities/${cap.name}`),
        })),
      ];
      return c.json({ items, placeholder: '{token}' as const }, 200);
    },
  );

  return app;
}
