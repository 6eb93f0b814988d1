import { z } from '@hono/zod-openapi';
import { accessRoute } from '../../../http/access.js';
import { jsonResponse as json } from '../../../http/openapi.js';
import { createRouter, type AppDeps } from '../../../http/router.js';
import { recordReleaseView } from './views.js';

const params = z.object({ id: z.coerce.number().int().positive() });
const answer = z
  .object({
    recorded: z.boolean().openapi({ description: 'False: already counted for this person today, or no capability' }),
  })
  .openapi('ReleaseViewRecorded');

/** Views of release notes: what the adoption funnel's "aware" counts beside capability page views. */
export function releaseViewRoutes({ db }: AppDeps) {
  const app = createRouter();

  app.openapi(
    accessRoute('signed-in', {
      method: 'post',
      path: '/releases/{id}/views',
      tags: ['releases'],
      summary: "Record that the caller read a release's notes (once per person per release per UTC day)",
      request: { params },
      responses: { 200: json(answer, 'Whether this view was counted') },
    }),
    async (c) => {
      const outcome = await recordReleaseView(db, c.get('principal'), c.req.valid('param').id);
      return c.json({ recorded: outcome === 'recorded' }, 200);
    },
  );

  return app;
}
