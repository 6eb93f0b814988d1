import { z } from '@hono/zod-openapi';
import { accessRoute } from '../../../http/access.js';
import { notFound } from '../../../http/errors.js';
import { decodeIdCursor, encodeIdCursor } from '../../../http/id-cursor.js';
import { jsonBody as body, jsonResponse as json } from '../../../http/openapi.js';
import { cursorParam, pageLimit } from '../../../http/page.js';
import { createRouter, type AppDeps } from '../../../http/router.js';
import { safeText } from '../../../http/safe-text.js';
import { addComment } from './add-comment.js';
import { KIND_LABEL } from './create-item.js';
import { KINDS } from './kinds.js';
import { pageOf } from './list-items.js';
import { findItem, listComments } from './repo.js';
import { itemParams } from './routes.js';
import { commentView, toCommentView } from './view.js';

const commentInput = z.strictObject({ body: safeText(20_000, 1) });
const commentQuery = z.object({ limit: pageLimit(200, 100), cursor: cursorParam });

/** Comments on every kind of item: `/pains/{id}/comments` and the like. */
export function commentRoutes({ db }: AppDeps) {
  const app = createRouter();
  for (const { kind, path } of KINDS) {
    const label = KIND_LABEL[kind];
    app.openapi(
      accessRoute('signed-in', {
        method: 'get',
        path: `/${path}/{id}/comments`,
        tags: ['voice'],
        summary: `Comments on a ${label}, oldest first`,
        request: { params: itemParams, query: commentQuery },
        responses: { 200: json(pageOf(commentView), 'Comments') },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const { limit, cursor } = c.req.valid('query');
        if (!(await findItem(db, kind, id))) throw notFound(`${label} ${id}`);
        const rows = await listComments(db, id, decodeIdCursor(cursor), limit + 1);
        const page = rows.slice(0, limit);
        const last = page.at(-1);
        return c.json(
          {
            items: page.map(toCommentView),
            nextCursor: rows.length > limit && last ? encodeIdCursor(Number(last.id)) : null,
          },
          200,
        );
      },
    );
    app.openapi(
      accessRoute('member', {
        method: 'post',
        path: `/${path}/{id}/comments`,
        tags: ['voice'],
        summary: `Comment on a ${label}`,
        description:
          "Members of the item's team and of the platform team answerable for it comment; the first comment from that platform team on an open bug or support request acknowledges it or answers it first.",
        request: { params: itemParams, ...body(commentInput) },
        responses: { 201: json(commentView, 'The comment') },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const row = await addComment(db, c.get('principal'), kind, id, c.req.valid('json').body);
        return c.json(toCommentView(row), 201);
      },
    );
  }
  return app;
}
