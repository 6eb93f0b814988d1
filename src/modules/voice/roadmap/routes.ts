import { z } from '@hono/zod-openapi';
import { inTransaction } from '../../../db/transaction.js';
import { accessRoute } from '../../../http/access.js';
import { jsonBody as body, jsonResponse as json } from '../../../http/openapi.js';
import { createRouter, type AppDeps } from '../../../http/router.js';
import { entityNamed } from '../problems/catalog-names.js';
import { idParams } from '../problems/contract.js';
import { roadmapCreate, roadmapItemSchema, roadmapPatch, roadmapQuery } from './contract.js';
import { listRoadmapItems } from './repo.js';
import { boardOrder, roadmapView, roadmapViews } from './roadmap-view.js';
import { changeRoadmapItem, createRoadmapItem } from './write-roadmap-item.js';

const tags = ['roadmap'];

/** The roadmap: what the platform builds now, next and later, and which teams' pains and requests it answers. */
export function roadmapRoutes({ db }: AppDeps) {
  const app = createRouter();

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/roadmap',
      tags,
      summary: 'The roadmap (now, next, later, done), with reach and RICE; with ?team=, what it answers for that team',
      request: { query: roadmapQuery },
      responses: { 200: json(z.object({ items: z.array(roadmapItemSchema) }), 'The roadmap') },
    }),
    async (c) => {
      const { status, team } = c.req.valid('query');
      const group = team ? await entityNamed(db, team, 'group', 'team') : undefined;
      const items = await roadmapViews(db, await listRoadmapItems(db, status), group);
      return c.json({ items: items.sort(boardOrder) }, 200);
    },
  );

  app.openapi(
    accessRoute('team-admin', {
      method: 'post',
      path: '/roadmap',
      tags,
      summary: 'Add a roadmap item linked to problems and requests',
      request: body(roadmapCreate),
      responses: { 201: json(roadmapItemSchema, 'The roadmap item') },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const id = await inTransaction(db, (tx) => createRoadmapItem(tx, c.get('principal'), input));
      return c.json(await roadmapView(db, id), 201);
    },
  );

  app.openapi(
    accessRoute('team-admin', {
      method: 'patch',
      path: '/roadmap/{id}',
      tags,
      summary: 'Change a roadmap item; problems and requests, when given, replace its links',
      request: { params: idParams, ...body(roadmapPatch) },
      responses: { 200: json(roadmapItemSchema, 'The roadmap item') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const patch = c.req.valid('json');
      await inTransaction(db, (tx) => changeRoadmapItem(tx, c.get('principal'), id, patch));
      return c.json(await roadmapView(db, id), 200);
    },
  );

  return app;
}
