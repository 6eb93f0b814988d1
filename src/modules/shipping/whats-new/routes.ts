import { accessRoute } from '../../../http/access.js';
import { errorResponse, jsonResponse as json } from '../../../http/openapi.js';
import { createRouter, type AppDeps } from '../../../http/router.js';
import { nameParams } from '../../catalog/contract.js';
import { getEntityRow } from '../../catalog/service.js';
import { whatsNewQuery, whatsNewSchema } from './contract.js';
import { whatsNew } from './whats-new.js';

export function whatsNewRoutes({ db }: AppDeps) {
  const app = createRouter();

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/teams/{name}/whats-new',
      tags: ['shipping'],
      summary:
        "What's new for a team: releases of the capabilities it uses or asked for, with why; open breaking changes and deprecations of what it uses first, then newest first",
      request: { params: nameParams, query: whatsNewQuery },
      responses: {
        200: json(whatsNewSchema, "The team's news"),
        404: errorResponse('NOT_FOUND: no such team (named)'),
      },
    }),
    async (c) => {
      const team = await getEntityRow(db, 'Group', 'default', c.req.valid('param').name);
      return c.json(await whatsNew(db, team, c.req.valid('query')), 200);
    },
  );

  return app;
}
