import { z } from '@hono/zod-openapi';
import { accessRoute } from '../../../http/access.js';
import { inTransaction } from '../../../db/transaction.js';
import { AppError, notFound } from '../../../http/errors.js';
import { errorResponse, jsonBody as body, jsonResponse as json } from '../../../http/openapi.js';
import { createRouter, type AppDeps } from '../../../http/router.js';
import { diffFields, recordAudit } from '../../audit/service.js';
import { SECRET_KEY_HINT, SECRET_KEY_SETTING } from '../../integrations/secret-box.js';
import {
  createWaveBody,
  invitationSchema,
  invitationsQuery,
  resultsSchema,
  updateWaveBody,
  waveSchema,
} from './contract.js';
import { createWave } from './create-wave.js';
import { invitationsCsv, listInvitationLinks } from './invitations.js';
import * as repo from './repo.js';
import { waveResults } from './results.js';
import { toWave } from './views.js';

const idParam = { params: z.object({ id: z.coerce.number().int().positive() }) };

/** Survey waves, their personal links and their results (DOMAIN.md, Survey). */
export function surveyRoutes({ db, secretKey = null, auth }: AppDeps) {
  const app = createRouter();
  const linkBase = (url: string) => auth?.publicUrl ?? new URL(url).origin;

  async function getWave(id: number) {
    const row = await repo.findWave(db, id);
    if (!row) throw notFound(`survey ${id}`);
    return toWave(row, await repo.waveCapabilities(db, [id]));
  }

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/surveys',
      tags: ['voice'],
      summary: 'Survey waves, newest first, with how many people were invited and answered',
      responses: { 200: json(z.object({ items: z.array(waveSchema) }), 'Survey waves') },
    }),
    async (c) => {
      const rows = await repo.listWaves(db);
      const capabilities = await repo.waveCapabilities(
        db,
        rows.map((r) => r.id),
      );
      return c.json({ items: rows.map((r) => toWave(r, capabilities)) }, 200);
    },
  );

  app.openapi(
    accessRoute('platform-member', {
      method: 'post',
      path: '/surveys',
      tags: ['voice'],
      summary: 'Start a survey wave: every person of the teams (every customer team when none named) gets a link',
      request: body(createWaveBody),
      responses: {
        201: json(waveSchema, 'The new wave'),
        409: errorResponse(`CONFLICT: ${SECRET_KEY_SETTING} is not set, so no personal link can be made`),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      if (!secretKey)
        throw new AppError(
          'CONFLICT',
          `personal survey links are keyed with ${SECRET_KEY_SETTING}, which is not set: ${SECRET_KEY_HINT}, then restart`,
        );
      const id = await createWave(db, secretKey, c.get('principal'), input);
      return c.json(await getWave(id), 201);
    },
  );

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/surveys/{id}',
      tags: ['voice'],
      summary: 'One survey wave',
      request: idParam,
      responses: { 200: json(waveSchema, 'The wave') },
    }),
    async (c) => c.json(await getWave(c.req.valid('param').id), 200),
  );

  app.openapi(
    accessRoute('platform-member', {
      method: 'patch',
      path: '/surveys/{id}',
      tags: ['voice'],
      summary: 'Close a survey wave (its links stop taking answers) or rename it',
      request: { ...idParam, ...body(updateWaveBody) },
      responses: { 200: json(waveSchema, 'The wave') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const change = c.req.valid('json');
      await inTransaction(db, async (tx) => {
        const before = await repo.findWave(tx, id);
        if (!before) throw notFound(`survey ${id}`);
        await repo.updateWave(tx, id, change);
        await recordAudit(tx, c.get('principal'), {
          action: 'update',
          entity: { kind: 'survey', id, ref: null },
          summary: `${change.status === 'closed' ? 'Closed' : 'Renamed'} survey "${change.title ?? before.title}"`,
          changes: diffFields(
            { title: before.title, status: before.status },
            { title: before.title, status: before.status, ...change },
          ),
        });
      });
      return c.json(await getWave(id), 200);
    },
  );

  app.openapi(
    accessRoute('platform-member', {
      method: 'get',
      path: '/surveys/{id}/invitations',
      tags: ['voice'],
      summary: 'The personal links of a wave, for a mail merge or chat (`?format=csv` for a CSV file)',
      request: { ...idParam, query: invitationsQuery },
      responses: {
        200: {
          content: {
            'application/json': { schema: z.object({ items: z.array(invitationSchema) }) },
            'text/csv': { schema: z.string() },
          },
          description: 'One row per invited person: person, name, email, teams, link, answered',
        },
        409: errorResponse(`CONFLICT: ${SECRET_KEY_SETTING} is not set (or not the one the links were made with)`),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      if (!(await repo.findWave(db, id))) throw notFound(`survey ${id}`);
      if (!secretKey)
        throw new AppError(
          'CONFLICT',
          `the links are keyed with ${SECRET_KEY_SETTING}, which is not set: ${SECRET_KEY_HINT}`,
        );
      const items = await listInvitationLinks(db, secretKey, id, linkBase(c.req.url));
      if (c.req.valid('query').format === 'json') return c.json({ items }, 200);
      return c.body(invitationsCsv(items), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="survey-${id}-links.csv"`,
        // The links are credentials: not for a shared cache.
        'cache-control': 'no-store',
      });
    },
  );

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/surveys/{id}/results',
      tags: ['voice'],
      summary:
        'NPS, CSAT per capability, response rate, the team breakdown (teams with 3 answers or more) and comments',
      request: idParam,
      responses: { 200: json(resultsSchema, 'Results, with the change from the previous wave') },
    }),
    async (c) => c.json(await waveResults(db, c.req.valid('param').id), 200),
  );

  return app;
}
