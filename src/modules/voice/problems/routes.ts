import { z } from '@hono/zod-openapi';
import { inTransaction } from '../../../db/transaction.js';
import { accessRoute } from '../../../http/access.js';
import { decodeIdCursor, encodeIdCursor } from '../../../http/id-cursor.js';
import { jsonBody as body, jsonResponse as json } from '../../../http/openapi.js';
import { createRouter, type AppDeps } from '../../../http/router.js';
import { changeProblem } from './change-problem.js';
import {
  idParams,
  mergeBody,
  problemCreate,
  problemListSchema,
  problemPatch,
  problemSchema,
  problemsQuery,
  splitBody,
} from './contract.js';
import { createProblem } from './create-problem.js';
import { mergeProblems } from './merge-problems.js';
import { problemView, problemViews } from './problem-view.js';
import { listProblems } from './repo.js';
import { splitProblem } from './split-problem.js';

const tags = ['problems'];

// Curating problems is triage work shared by the platform side: any platform team's member (or an organisation
// admin) may create, change, merge and split any problem, whatever its capability. The capability is where a
// problem is likely to land, often set after grouping, and not an ownership: restricting it would stop one platform
// team from linking its own items to a problem another team tagged.

/** Common problems: groups of feedback from many teams that describe one need. */
export function problemRoutes({ db }: AppDeps) {
  const app = createRouter();

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/problems',
      tags,
      summary: 'Problems, newest first, with reach, hours lost per week, severity and RICE',
      request: { query: problemsQuery },
      responses: { 200: json(problemListSchema, 'Problems') },
    }),
    async (c) => {
      const { status, limit, cursor } = c.req.valid('query');
      const rows = await listProblems(db, { status, beforeId: decodeIdCursor(cursor), limit: limit + 1 });
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return c.json(
        {
          items: await problemViews(db, page),
          nextCursor: rows.length > limit && last ? encodeIdCursor(last.id) : null,
        },
        200,
      );
    },
  );

  app.openapi(
    accessRoute('platform-member', {
      method: 'post',
      path: '/problems',
      tags,
      summary: 'Create a problem from items (an item belongs to at most one problem)',
      request: body(problemCreate),
      responses: { 201: json(problemSchema, 'The problem') },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const id = await inTransaction(db, (tx) => createProblem(tx, c.get('principal'), input));
      return c.json(await problemView(db, id), 201);
    },
  );

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/problems/{id}',
      tags,
      summary: 'A problem with its items, teams, reach, hours lost per week, severity and RICE',
      request: { params: idParams },
      responses: { 200: json(problemSchema, 'The problem') },
    }),
    async (c) => c.json(await problemView(db, c.req.valid('param').id), 200),
  );

  app.openapi(
    accessRoute('platform-member', {
      method: 'patch',
      path: '/problems/{id}',
      tags,
      summary: 'Change a problem: fields, RICE inputs, items linked (addItems) or unlinked (removeItems)',
      request: { params: idParams, ...body(problemPatch) },
      responses: { 200: json(problemSchema, 'The problem') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const patch = c.req.valid('json');
      await inTransaction(db, (tx) => changeProblem(tx, c.get('principal'), id, patch));
      return c.json(await problemView(db, id), 200);
    },
  );

  app.openapi(
    accessRoute('platform-member', {
      method: 'post',
      path: '/problems/{id}/merge',
      tags,
      summary: 'Merge another problem into this one: its items and roadmap links move here, it is deleted',
      request: { params: idParams, ...body(mergeBody) },
      responses: { 200: json(problemSchema, 'The merged problem') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { from } = c.req.valid('json');
      await inTransaction(db, (tx) => mergeProblems(tx, c.get('principal'), id, from));
      return c.json(await problemView(db, id), 200);
    },
  );

  app.openapi(
    accessRoute('platform-member', {
      method: 'post',
      path: '/problems/{id}/split',
      tags,
      summary: 'Move some of a problem’s items to a new problem',
      request: { params: idParams, ...body(splitBody) },
      responses: {
        201: json(z.object({ from: problemSchema, created: problemSchema }), 'Both problems after the split'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const created = await inTransaction(db, (tx) => splitProblem(tx, c.get('principal'), id, input));
      return c.json({ from: await problemView(db, id), created: await problemView(db, created) }, 201);
    },
  );

  return app;
}
