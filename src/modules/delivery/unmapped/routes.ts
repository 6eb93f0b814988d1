import { createRoute, z } from '@hono/zod-openapi';
import { jsonResponse as json } from '../../../http/openapi.js';
import { createRouter, type AppDeps } from '../../../http/router.js';
import { requireRole } from '../../auth/middleware.js';
import { SERVICE_ANNOTATION } from '../../catalog/service-mapping/annotations.js';
import { listUnmapped, remapFacts } from './repo.js';

const unmappedName = z
  .object({
    source: z.enum(['github', 'gitlab', 'pagerduty']),
    name: z.string().openapi({ description: 'The repository slug, or the PagerDuty service id' }),
    annotation: z.enum([SERVICE_ANNOTATION.github, SERVICE_ANNOTATION.gitlab, SERVICE_ANNOTATION.pagerduty]).openapi({ description: 'The annotation a service needs to claim these facts' }),
    deployments: z.number().int(),
    changes: z.number().int(),
    incidents: z.number().int(),
    lastSeen: z.string(),
  })
  .openapi('UnmappedName');

const remapCounts = z.object({ deployments: z.number().int(), changes: z.number().int(), incidents: z.number().int() }).openapi('RemapCounts');

/** Facts that map to no service, and mapping them again once the catalog has the annotations. */
export function unmappedRoutes({ db }: AppDeps) {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/unmapped',
      tags: ['delivery'],
      summary: 'Repositories and PagerDuty services whose facts map to no service, most recently seen first',
      responses: { 200: json(z.object({ items: z.array(unmappedName) }), 'Unmapped names with their fact counts') },
    }),
    async (c) => c.json({ items: await listUnmapped(db) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/unmapped/remap',
      tags: ['delivery'],
      summary: "Map unmapped facts (and facts of services no longer in the catalog) with the catalog's current annotations",
      responses: { 200: json(remapCounts, 'How many facts now map to a service') },
    }),
    async (c) => {
      requireRole(c.get('principal'), 'admin');
      return c.json(await remapFacts(db), 200);
    },
  );

  return app;
}
