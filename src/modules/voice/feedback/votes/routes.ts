import { accessRoute } from '../../../../http/access.js';
import { jsonResponse as json } from '../../../../http/openapi.js';
import { createRouter, type AppDeps } from '../../../../http/router.js';
import { itemParams, itemView } from '../routes.js';
import { requestView } from '../view.js';
import { castVote, withdrawVote } from './cast-vote.js';

/** A person's vote on a feature request: one each, withdrawable. */
export function voteRoutes({ db }: AppDeps) {
  const app = createRouter();
  const answer = 'The request with its votes and reach';

  app.openapi(
    accessRoute('member', {
      method: 'post',
      path: '/requests/{id}/votes',
      tags: ['voice'],
      summary: 'Vote for a feature request as the signed-in person',
      description:
        "One vote per person: a second vote answers 200 and counts once. The voter's teams at this moment are kept: they are what the request's reach counts. Any member may vote for any team's request; a token acting for no person may not (403).",
      request: { params: itemParams },
      responses: { 201: json(requestView, answer), 200: json(requestView, `${answer} (already voted)`) },
    }),
    async (c) => {
      const principal = c.get('principal');
      const { id } = c.req.valid('param');
      const added = await castVote(db, principal, id);
      return c.json(await itemView(db, 'request', id, principal.person), added ? 201 : 200);
    },
  );

  app.openapi(
    accessRoute('member', {
      method: 'delete',
      path: '/requests/{id}/votes',
      tags: ['voice'],
      summary: "Withdraw the signed-in person's vote",
      request: { params: itemParams },
      responses: { 200: json(requestView, answer) },
    }),
    async (c) => {
      const principal = c.get('principal');
      const { id } = c.req.valid('param');
      await withdrawVote(db, principal, id);
      return c.json(await itemView(db, 'request', id, principal.person), 200);
    },
  );

  return app;
}
