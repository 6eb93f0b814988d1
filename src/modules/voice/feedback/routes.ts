import { z } from '@hono/zod-openapi';
import type { Db } from '../../../db/schema/index.js';
import type { FeedbackKind } from '../../../db/schema/voice.js';
import { accessRoute } from '../../../http/access.js';
import { AppError, notFound } from '../../../http/errors.js';
import { jsonBody as body, jsonResponse as json } from '../../../http/openapi.js';
import { createRouter, type AppDeps, type Principal, type Router } from '../../../http/router.js';
import { inTransaction } from '../../../db/transaction.js';
import { changeItem } from './change-item.js';
import { INPUTS, PATCHES, type NewFeedback } from './contract.js';
import { createItem, KIND_LABEL } from './create-item.js';
import { KINDS } from './kinds.js';
import { listItemsPage, listQuery, pageOf, viewsOf } from './list-items.js';
import { findItem } from './repo.js';
import { resolveRefs } from './resolve-refs.js';
import { assertMayCreate } from './rights.js';
import { VIEWS, type ItemView } from './view.js';

export const itemParams = z.object({
  id: z.coerce.number({ error: 'must be an item id' }).int('must be an item id').positive('must be an item id'),
});

const invalid = (field: string, reason: string) =>
  new AppError('VALIDATION_FAILED', `${field}: ${reason}`, [{ field, reason }]);

/** One item as the API shows it, or a 404. */
export async function itemView<K extends FeedbackKind>(
  db: Db,
  kind: K,
  id: number,
  person: string | null,
): Promise<Extract<ItemView, { kind: K }>> {
  const row = await findItem(db, kind, id);
  if (!row) throw notFound(`${KIND_LABEL[kind]} ${id}`);
  const [view] = await viewsOf(db, [row], person);
  if (!view) throw new Error('an item without its view');
  return view as Extract<ItemView, { kind: K }>;
}

/** A bug names its reporting team or is the reporter's: their one team, else they must say which. */
function withReporterTeam(item: NewFeedback, principal: Principal): NewFeedback {
  if (item.kind !== 'bug' || item.input.team) return item;
  if (principal.teams.length > 1)
    throw invalid('team', `you belong to several teams (${principal.teams.join(', ')}); name the reporting one`);
  return { kind: 'bug', input: { ...item.input, team: principal.teams[0] ?? null } };
}

/** List, create, read and change one kind of item: the four kinds' routes are made here, alike. */
function kindRoutes(app: Router, db: Db, kind: FeedbackKind, path: string, plural: string) {
  const view = VIEWS[kind];
  const label = KIND_LABEL[kind];
  const tags = ['voice'];

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: `/${path}`,
      tags,
      summary: `${plural}, newest first, with filters`,
      request: { query: listQuery(kind) },
      responses: { 200: json(pageOf(view), plural) },
    }),
    async (c) => c.json(await listItemsPage(db, kind, c.req.valid('query'), c.get('principal').person), 200),
  );

  app.openapi(
    accessRoute('member', {
      method: 'post',
      path: `/${path}`,
      tags,
      summary: `Record a ${label}`,
      description:
        'Members write for their own teams (organisation admins for any); times the platform side sets need a member of the platform team answerable for the item. Omitted times are now.',
      request: body(INPUTS[kind]),
      responses: { 201: json(view, `The new ${label}`) },
    }),
    async (c) => {
      const principal = c.get('principal');
      const item = withReporterTeam({ kind, input: c.req.valid('json') } as NewFeedback, principal);
      const resolved = await resolveRefs(db, item);
      if (!resolved.ok) throw invalid(resolved.field, resolved.reason);
      assertMayCreate(principal, item, resolved.refs);
      const row = await inTransaction(db, (tx) => createItem(tx, principal, item, resolved.refs));
      return c.json(await itemView(db, kind, Number(row.id), principal.person), 201);
    },
  );

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: `/${path}/{id}`,
      tags,
      summary: `One ${label}`,
      request: { params: itemParams },
      responses: { 200: json(view, `The ${label}`) },
    }),
    async (c) => c.json(await itemView(db, kind, c.req.valid('param').id, c.get('principal').person), 200),
  );

  app.openapi(
    accessRoute('member', {
      method: 'patch',
      path: `/${path}/{id}`,
      tags,
      summary: `Change a ${label}`,
      description:
        "The item's team changes its voice; the platform team answerable for it sets what only it knows (acknowledged, fixed, answered, resolved; a request's status and RICE estimates). Null empties an optional field.",
      request: { params: itemParams, ...body(PATCHES[kind]) },
      responses: { 200: json(view, `The ${label} as changed`) },
    }),
    async (c) => {
      const principal = c.get('principal');
      const { id } = c.req.valid('param');
      await changeItem(db, principal, kind, id, c.req.valid('json') as Record<string, unknown>);
      return c.json(await itemView(db, kind, id, principal.person), 200);
    },
  );
}

/** Pains, feature requests, bugs and support requests: `/pains`, `/requests`, `/bugs`, `/support-requests`. */
export function feedbackRoutes({ db }: AppDeps) {
  const app = createRouter();
  for (const { kind, path, plural } of KINDS) kindRoutes(app, db, kind, path, plural);
  return app;
}
