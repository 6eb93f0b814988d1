import { z } from '@hono/zod-openapi';
import { inTransaction } from '../../../db/transaction.js';
import { accessRoute } from '../../../http/access.js';
import { notFound } from '../../../http/errors.js';
import { decodeIdCursor, encodeIdCursor } from '../../../http/id-cursor.js';
import { jsonBody as body, jsonResponse as json } from '../../../http/openapi.js';
import { createRouter, type AppDeps } from '../../../http/router.js';
import { diffFields, recordAudit } from '../../audit/service.js';
import { backlogRows, requestRow } from './backlog.js';
import { backlogQuery, backlogRowSchema, idParams, riceBody } from './contract.js';
import { findRequestForUpdate, setRequestRice } from './repo.js';

const tags = ['backlog'];

/** The backlog ranked by RICE, and the RICE inputs of a request (a problem takes its own through PATCH). */
export function backlogRoutes({ db }: AppDeps) {
  const app = createRouter();

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/backlog',
      tags,
      summary:
        'Open problems and requests (not in a problem) ranked by RICE = reach × impact × confidence / effort; rows without RICE last',
      request: { query: backlogQuery },
      responses: {
        200: json(z.object({ items: z.array(backlogRowSchema), nextCursor: z.string().nullable() }), 'The backlog'),
      },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      // The cursor is the position in the ranking: the ranking is computed whole, from the data, at each call.
      const offset = decodeIdCursor(cursor) ?? 0;
      const rows = await backlogRows(db);
      const end = offset + limit;
      return c.json(
        { items: rows.slice(offset, end), nextCursor: end < rows.length ? encodeIdCursor(end) : null },
        200,
      );
    },
  );

  app.openapi(
    accessRoute('platform-member', {
      method: 'put',
      path: '/backlog/requests/{id}/rice',
      tags,
      summary: 'Set a request’s impact (0.25, 0.5, 1, 2, 3), confidence (0-100 %) and effort (person-weeks)',
      request: { params: idParams, ...body(riceBody) },
      responses: { 200: json(backlogRowSchema, 'The request as a backlog row') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const values = c.req.valid('json');
      const principal = c.get('principal');
      const row = await inTransaction(db, async (tx) => {
        const before = await findRequestForUpdate(tx, id);
        if (!before) throw notFound(`request ${id}`);
        await setRequestRice(tx, id, values);
        const { impact, confidence, effort } = before;
        await recordAudit(tx, principal, {
          action: 'update',
          entity: { kind: 'request', id, ref: null },
          summary: `RICE inputs of request "${before.title}" set`,
          changes: diffFields({ impact, confidence, effort }, values),
        });
        return { ...before, ...values };
      });
      return c.json(await requestRow(db, row), 200);
    },
  );

  return app;
}
