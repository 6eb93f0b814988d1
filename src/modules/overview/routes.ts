import { accessRoute } from '../../http/access.js';
import { jsonResponse as json } from '../../http/openapi.js';
import { createRouter, type AppDeps } from '../../http/router.js';
import { attentionSchema, overviewSchema } from './contract.js';
import { attention, overview } from './service.js';

export function overviewRoutes({ db }: AppDeps) {
  const app = createRouter();

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/overview',
      tags: ['overview'],
      summary: 'The platform at a glance',
      responses: { 200: json(overviewSchema, 'Headline numbers') },
    }),
    async (c) => c.json(await overview(db), 200),
  );

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/overview/attention',
      tags: ['overview'],
      summary: 'What needs attention: unmapped facts, failed deliveries, stale or failed repository scans',
      responses: { 200: json(attentionSchema, 'Counts to act on') },
    }),
    async (c) => c.json(await attention(db), 200),
  );

  return app;
}
