import { accessRoute } from '../../../http/access.js';
import { jsonResponse as json } from '../../../http/openapi.js';
import { createRouter, type AppDeps, validationError } from '../../../http/router.js';
import { shippingQuery, shippingSummarySchema } from './contract.js';
import { shippingSummary } from './service.js';

/** How well the platform ships: releases, notes, how long votes wait, views, demos and migrations. */
export function shippingSummaryRoutes({ db }: AppDeps) {
  const app = createRouter();
  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/shipping/summary',
      tags: ['shipping'],
      summary: 'Releases per capability and type, notes, first vote to release, notes views, for a period',
      description: 'Default period: the 90 days before `to` (default now). Each figure lists the items behind it.',
      request: { query: shippingQuery },
      responses: { 200: json(shippingSummarySchema, 'The figures') },
    }),
    async (c) => {
      const { from, to } = c.req.valid('query');
      if (from && to && from >= to) throw validationError([{ field: 'from', reason: 'must be before to' }]);
      return c.json(await shippingSummary(db, { from, to }), 200);
    },
  );
  return app;
}
