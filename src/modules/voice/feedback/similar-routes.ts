import { z } from '@hono/zod-openapi';
import { accessRoute } from '../../../http/access.js';
import { jsonResponse as json } from '../../../http/openapi.js';
import { createRouter, type AppDeps } from '../../../http/router.js';
import { safeText } from '../../../http/safe-text.js';
import { filterRef } from './list-items.js';
import { similarItems } from './repo.js';
import { voteCounts } from './votes/repo.js';

const KIND = z.enum(['pain', 'request', 'bug', 'support']);
const similarQuery = z.object({
  title: safeText(200, 1).openapi({ description: 'The title being typed' }),
  kind: KIND.optional().openapi({ description: 'Only items of this kind' }),
  team: safeText(253).optional().openapi({ description: "Only this team's items (name or ref)" }),
});
const similarItem = z
  .object({
    kind: KIND,
    id: z.number().int(),
    title: z.string(),
    team: z.string().nullable(),
    teamRef: z.string().nullable(),
    votes: z.number().int().nullable().openapi({ description: 'Requests only' }),
    similarity: z.number().openapi({ description: 'Trigram similarity of the titles, 0 to 1' }),
  })
  .openapi('SimilarFeedback');

/** While a person types a title: open items that look the same, so they can vote for one instead. */
export function similarRoutes({ db }: AppDeps) {
  const app = createRouter();
  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/feedback/similar',
      tags: ['voice'],
      summary: 'Up to 5 open items whose titles are like the one being typed, most similar first',
      request: { query: similarQuery },
      responses: { 200: json(z.object({ items: z.array(similarItem) }), 'Similar open items') },
    }),
    async (c) => {
      const { title, kind, team } = c.req.valid('query');
      const rows = await similarItems(db, { title, kind, teamRef: filterRef('team', team, 'group'), limit: 5 });
      const requests = rows.filter((r) => r.kind === 'request').map((r) => Number(r.id));
      const votes = await voteCounts(db, requests, null);
      const items = rows.map((r) => ({
        kind: r.kind,
        id: Number(r.id),
        title: r.title,
        team: r.team_name,
        teamRef: r.team_ref,
        votes: r.kind === 'request' ? (votes.get(Number(r.id))?.votes ?? 0) : null,
        similarity: Math.round(r.similarity * 1000) / 1000,
      }));
      return c.json({ items }, 200);
    },
  );
  return app;
}
