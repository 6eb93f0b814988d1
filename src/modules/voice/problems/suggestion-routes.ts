import { z } from '@hono/zod-openapi';
import { inTransaction } from '../../../db/transaction.js';
import { accessRoute } from '../../../http/access.js';
import { decodeIdCursor, encodeIdCursor } from '../../../http/id-cursor.js';
import { isoOrNull, jsonBody as body, jsonResponse as json } from '../../../http/openapi.js';
import { createRouter, type AppDeps } from '../../../http/router.js';
import { recordAudit } from '../../audit/service.js';
import {
  acceptBody,
  dismissBody,
  inboxQuery,
  inboxSchema,
  itemRef,
  problemSchema,
  suggestionListSchema,
} from './contract.js';
import { createProblem } from './create-problem.js';
import { lockNamedItems } from './item-refs.js';
import { problemView } from './problem-view.js';
import { inboxItems, insertDismissed } from './repo.js';
import { suggestionCacheOf } from './cache/suggestion-cache.js';

const tags = ['problems'];

/** Suggested problems (accept, dismiss) and the triage inbox. Registered before `/problems/{id}`. */
export function suggestionRoutes({ db }: AppDeps) {
  const app = createRouter();

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/problems/suggestions',
      tags,
      summary: 'Suggested problems: open items in no problem, from several teams, that seem to say the same',
      responses: { 200: json(suggestionListSchema, 'Suggestions') },
    }),
    async (c) => {
      const { items, asOf, stale } = await suggestionCacheOf(db).current(db);
      return c.json({ items, asOf: asOf.toISOString(), stale }, 200);
    },
  );

  app.openapi(
    accessRoute('platform-member', {
      method: 'post',
      path: '/problems/suggestions/accept',
      tags,
      summary: 'Accept a suggestion: a problem with those items (items already in a problem are refused, 409)',
      request: body(acceptBody),
      responses: { 201: json(problemSchema, 'The new problem') },
    }),
    async (c) => {
      const { items, title } = c.req.valid('json');
      const id = await inTransaction(db, (tx) =>
        createProblem(tx, c.get('principal'), { title, items }, 'accepted from a suggestion'),
      );
      return c.json(await problemView(db, id), 201);
    },
  );

  app.openapi(
    accessRoute('platform-member', {
      method: 'post',
      path: '/problems/suggestions/dismiss',
      tags,
      summary: 'Dismiss a suggestion: the same items are not suggested together again',
      request: body(dismissBody),
      responses: { 201: json(z.object({ id: z.number().int(), items: z.array(itemRef) }), 'Dismissed') },
    }),
    async (c) => {
      const principal = c.get('principal');
      const { items } = c.req.valid('json');
      const result = await inTransaction(db, async (tx) => {
        const found = await lockNamedItems(tx, items, 'items');
        const ids = found.map((i) => i.id).sort((a, b) => a - b);
        const id = await insertDismissed(tx, ids, principal.name);
        await recordAudit(tx, principal, {
          action: 'dismiss',
          entity: { kind: 'suggestion', id, ref: null },
          summary: `Suggestion of ${ids.length} items dismissed`,
          changes: { items: { before: null, after: found.map((i) => `${i.kind} ${i.id}`) } },
        });
        return { id, items: found.map((i) => ({ kind: i.kind, id: i.id })) };
      });
      return c.json(result, 201);
    },
  );

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/voice/inbox',
      tags,
      summary: 'Triage inbox: open items in no problem, newest first, flagged when teamless or unplaced',
      request: { query: inboxQuery },
      responses: { 200: json(inboxSchema, 'The inbox') },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const rows = await inboxItems(db, { beforeId: decodeIdCursor(cursor), limit: limit + 1 });
      const suggestions = await suggestionCacheOf(db).current(db);
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return c.json(
        {
          items: page.map((r) => ({
            kind: r.kind,
            id: r.id,
            title: r.title,
            team: r.team_name,
            capability: r.capability_name,
            severity: r.severity,
            status: r.status,
            openedAt: isoOrNull(r.opened_at) ?? '',
            source: r.source,
            flags: [
              ...(r.team_id === null ? (['teamless'] as const) : []),
              ...(r.capability_id === null && (r.source === 'github' || r.source === 'gitlab')
                ? (['unplaced'] as const)
                : []),
            ],
            suggested: suggestions.suggested.has(r.id),
          })),
          nextCursor: rows.length > limit && last ? encodeIdCursor(last.id) : null,
          suggestions: suggestions.items.length,
          suggestionsAsOf: suggestions.asOf.toISOString(),
          suggestionsStale: suggestions.stale,
        },
        200,
      );
    },
  );

  return app;
}
