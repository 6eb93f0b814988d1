import { z } from '@hono/zod-openapi';
import { accessRoute } from '../../../http/access.js';
import { AppError } from '../../../http/errors.js';
import { jsonBody as body, jsonResponse as json } from '../../../http/openapi.js';
import { createRouter, type AppDeps, type Principal } from '../../../http/router.js';
import {
  batchResult,
  changeInput,
  deploymentInput,
  deploymentListQuery,
  deploymentPage,
  doraQuery,
  doraSchema,
  doraSeriesQuery,
  doraSeriesSchema,
  incidentInput,
  incidentListQuery,
  incidentPage,
  MAX_BATCH,
} from '../contract.js';
import { ingestChanges, ingestDeployments, ingestIncidents } from '../facts/ingest.js';
import { listDeployments, listIncidents } from './lists.js';
import { doraSeries } from './series.js';
import { productionPattern } from '../../../shared/production.js';
import { dora } from './service.js';

// Items are validated one by one in the service, so a bad item is named by index instead of failing the batch.
const batch = z.array(z.unknown()).max(MAX_BATCH, `at most ${MAX_BATCH} items per request`);

export function deliveryRoutes({ db, productionEnvironments }: AppDeps) {
  const app = createRouter();
  const settings = { production: productionPattern(productionEnvironments) };
  const post = (
    path: string,
    summary: string,
    item: z.ZodType,
    run: (items: unknown[], who: Principal) => Promise<z.infer<typeof batchResult>>,
  ) =>
    app.openapi(
      accessRoute('org-admin', {
        method: 'post',
        path,
        tags: ['delivery'],
        summary,
        description: `A JSON array of up to ${MAX_BATCH} items (${JSON.stringify(Object.keys((item as z.ZodObject).shape))}); idempotent on each item's id. Times need a zone.`,
        request: body(batch),
        responses: { 200: json(batchResult, 'What was stored') },
      }),
      async (c) => {
        const items = c.req.valid('json');
        if (items.length === 0)
          throw new AppError('VALIDATION_FAILED', '(body): send at least one item', [
            { field: '(body)', reason: 'send at least one item' },
          ]);
        return c.json(await run(items, c.get('principal')), 200);
      },
    );

  post('/deployments', 'Record successful deployments (backfills, other CD systems)', deploymentInput, (items, who) =>
    ingestDeployments(db, items, deploymentInput, who),
  );
  post('/changes', 'Record commits on the default branch', changeInput, (items, who) =>
    ingestChanges(db, items, changeInput, who),
  );
  post(
    '/incidents',
    'Record incidents; posting the same id again updates it (e.g. when resolved)',
    incidentInput,
    (items, who) => ingestIncidents(db, items, incidentInput, who),
  );

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/dora',
      tags: ['delivery'],
      summary: 'DORA metrics and incident recovery time for the org, a team or a service',
      request: { query: doraQuery },
      responses: { 200: json(doraSchema, 'The metrics') },
    }),
    async (c) => c.json(await dora(db, c.req.valid('query'), settings), 200),
  );
  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/dora/series',
      tags: ['delivery'],
      summary: 'DORA metrics per calendar week or month (UTC)',
      description:
        'Defaults: monthly, the 12 periods up to now. `from` is rounded down to its period start; the last point ends at `to` and may be partial. At most 120 points.',
      request: { query: doraSeriesQuery },
      responses: { 200: json(doraSeriesSchema, 'One point per period') },
    }),
    async (c) => c.json(await doraSeries(db, c.req.valid('query'), settings), 200),
  );
  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/deployments',
      tags: ['delivery'],
      summary: 'The production deployments behind the DORA numbers: finished in [from, to), newest first',
      request: { query: deploymentListQuery },
      responses: { 200: json(deploymentPage, 'A page of deployments') },
    }),
    async (c) => c.json(await listDeployments(db, c.req.valid('query'), settings), 200),
  );
  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/incidents',
      tags: ['delivery'],
      summary: 'Incidents triggered in [from, to), newest first, with the deployment each is attributed to',
      request: { query: incidentListQuery },
      responses: { 200: json(incidentPage, 'A page of incidents') },
    }),
    async (c) => c.json(await listIncidents(db, c.req.valid('query'), settings), 200),
  );

  return app;
}
