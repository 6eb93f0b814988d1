import { accessRoute } from '../../http/access.js';
import type { Db } from '../../db/schema/index.js';
import { isoOrNull, jsonResponse as json } from '../../http/openapi.js';
import { createRouter, type AppDeps } from '../../http/router.js';
import { deliveryPage, deliveryQuery, reprocessBody, reprocessResult, type DeliveryQuery } from './contract.js';
import { decodeIdCursor, encodeIdCursor } from '../../http/id-cursor.js';
import * as repo from './repo.js';
import { enqueueReprocess } from './reprocess.js';

async function pageOfDeliveries(db: Db, query: DeliveryQuery) {
  const rows = await repo.listDeliveries(db, {
    status: query.status,
    source: query.source,
    before: decodeIdCursor(query.cursor),
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: String(r.id),
      source: r.source,
      deliveryId: r.delivery_id,
      event: r.event,
      status: r.status,
      error: r.error,
      receivedAt: new Date(r.received_at).toISOString(),
      processedAt: isoOrNull(r.processed_at),
    })),
    nextCursor: rows.length > query.limit && last ? encodeIdCursor(last.id) : null,
  };
}

/** The raw webhook deliveries as stored, and deriving them again. */
export function deliveriesRoutes({ db, notifyJobs }: AppDeps) {
  const app = createRouter();

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/deliveries',
      tags: ['delivery'],
      summary: 'Stored webhook deliveries, newest first; failed ones say why',
      request: { query: deliveryQuery },
      responses: { 200: json(deliveryPage, 'A page of deliveries') },
    }),
    async (c) => c.json(await pageOfDeliveries(db, c.req.valid('query')), 200),
  );

  app.openapi(
    accessRoute('org-admin', {
      method: 'post',
      path: '/deliveries/reprocess',
      tags: ['delivery'],
      summary: 'Derive the stored deliveries again (all, or only the failed ones) as a job, then map facts again',
      description:
        'Only deliveries of events Paved reads are derived again; others stay ignored. Deliveries arriving meanwhile are derived by their own jobs.',
      request: { body: { content: { 'application/json': { schema: reprocessBody } }, required: false } },
      responses: { 202: json(reprocessResult, 'How many deliveries will be derived again') },
    }),
    async (c) => {
      // The body is optional: without one, every delivery is derived again.
      const { status } = reprocessBody.parse((c.req.valid('json') as unknown) ?? {});
      const result = await enqueueReprocess(db, status, c.get('principal'));
      notifyJobs?.();
      return c.json(result, 202);
    },
  );

  return app;
}
