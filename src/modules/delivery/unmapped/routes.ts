import { accessRoute } from '../../../http/access.js';
import { jsonResponse as json } from '../../../http/openapi.js';
import { createRouter, type AppDeps } from '../../../http/router.js';
import { remapCounts, unmappedList } from '../contract.js';
import { listUnmapped } from './repo.js';
import { remapFactsFor } from './remap.js';

/** Facts that map to no service, and mapping them again once the catalog has the annotations. */
export function unmappedRoutes({ db }: AppDeps) {
  const app = createRouter();

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/unmapped',
      tags: ['delivery'],
      summary: 'Repositories and PagerDuty services whose facts map to no service, most recently seen first',
      responses: { 200: json(unmappedList, 'Unmapped names with their fact counts') },
    }),
    async (c) => c.json({ items: await listUnmapped(db) }, 200),
  );

  app.openapi(
    accessRoute('org-admin', {
      method: 'post',
      path: '/unmapped/remap',
      tags: ['delivery'],
      summary:
        "Map unmapped facts (and facts of services no longer in the catalog) with the catalog's current annotations",
      responses: { 200: json(remapCounts, 'How many facts now map to a service') },
    }),
    async (c) => {
      return c.json(await remapFactsFor(db, c.get('principal')), 200);
    },
  );

  return app;
}
