import { z } from '@hono/zod-openapi';
import { inTransaction } from '../../../db/transaction.js';
import type { Db } from '../../../db/schema/index.js';
import { assertAdministers, accessRoute } from '../../../http/access.js';
import { notFound } from '../../../http/errors.js';
import { jsonBody as body, errorResponse, jsonResponse as json } from '../../../http/openapi.js';
import { cursorParam, pageLimit } from '../../../http/page.js';
import { createRouter, validationError, type AppDeps, type Principal } from '../../../http/router.js';
import { entityNamed } from '../../voice/problems/catalog-names.js';
import { idParams } from '../../voice/problems/contract.js';
import { findCapability } from '../../voice/sla/find-capability.js';
import { channelOf } from '../../audit/actor.js';
import {
  releaseCreate,
  releaseList,
  releasePatch,
  releaseQuery,
  releaseSchema,
  unmappedReleaseList,
  type ReleaseQuery,
} from './contract.js';
import { readReleaseCursor, releaseCursor, releaseViews, releaseView } from './release-view.js';
import { listReleases, type ReleaseFilter } from './repo.js';
import { unmappedViews } from './unmapped.js';
import { changeRelease, createRelease, deleteRelease } from './write-release.js';

const tags = ['releases'];
const nameParams = z.object({ name: z.string().min(1).max(253) });

function afterCursor(cursor: string | undefined): ReleaseFilter['after'] {
  if (!cursor) return undefined;
  const after = readReleaseCursor(cursor);
  if (!after) throw validationError([{ field: 'cursor', reason: 'not a cursor this API returned' }]);
  return after;
}

/** A page of releases newest first, and the cursor of the next page when there is one. */
async function page(db: Db, query: ReleaseQuery, capabilityId: number | undefined) {
  const { type, from, to, q, cursor, limit } = query;
  const rows = await listReleases(db, {
    ...(capabilityId !== undefined ? { capabilityId } : {}),
    ...(type ? { types: type } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(q ? { q } : {}),
    after: afterCursor(cursor),
    limit: limit + 1,
  });
  const shown = rows.slice(0, limit);
  const last = rows.length > limit ? shown.at(-1) : undefined;
  return { items: await releaseViews(db, shown), nextCursor: last ? releaseCursor(last) : null };
}

const rights = (who: Principal) => ({ authorize: (owner: string | null) => assertAdministers(who, owner) });

/** Releases of capabilities: the changelog's entries, written from the UI, the API, the CLI and repositories. */
export function releaseRoutes({ db }: AppDeps) {
  const app = createRouter();

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/releases',
      tags,
      summary: 'Releases of every capability, newest first; filter by capability, type, dates and text',
      request: { query: releaseQuery },
      responses: { 200: json(releaseList, 'Releases') },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const capability = query.capability ? await entityNamed(db, query.capability, 'capability', 'capability') : null;
      return c.json(await page(db, query, capability?.id), 200);
    },
  );

  app.openapi(
    accessRoute('platform-member', {
      method: 'get',
      path: '/releases/unmapped',
      tags,
      summary: "Releases from repositories' own releases that are on no capability, with the reason",
      request: { query: z.object({ limit: pageLimit(200, 50), cursor: cursorParam }) },
      responses: { 200: json(unmappedReleaseList, 'Releases on no capability, newest first') },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const rows = await listReleases(db, { unmapped: true, after: afterCursor(cursor), limit: limit + 1 });
      const shown = rows.slice(0, limit);
      const last = rows.length > limit ? shown.at(-1) : undefined;
      return c.json({ items: await unmappedViews(db, shown), nextCursor: last ? releaseCursor(last) : null }, 200);
    },
  );

  app.openapi(
    accessRoute('team-admin', {
      method: 'post',
      path: '/releases',
      tags,
      summary: 'Publish a release of a capability (its owning team or an organisation admin)',
      request: body(releaseCreate),
      responses: {
        201: json(releaseSchema, 'The release'),
        409: errorResponse('The capability already has a release of this version'),
      },
    }),
    async (c) => {
      const who = c.get('principal');
      const source = channelOf(who) === 'cli' ? 'cli' : 'paved';
      const id = await inTransaction(db, (tx) =>
        createRelease(tx, who, c.req.valid('json'), { ...rights(who), source }),
      );
      return c.json(await releaseView(db, id), 201);
    },
  );

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/releases/{id}',
      tags,
      summary: 'A release, with what it closes and how often its notes were viewed',
      request: { params: idParams },
      responses: { 200: json(releaseSchema, 'The release') },
    }),
    async (c) => c.json(await releaseView(db, c.req.valid('param').id), 200),
  );

  app.openapi(
    accessRoute('team-admin', {
      method: 'patch',
      path: '/releases/{id}',
      tags,
      summary: 'Change a release; `closes`, when given, replaces what it closes',
      request: { params: idParams, ...body(releasePatch) },
      responses: {
        200: json(releaseSchema, 'The release'),
        409: errorResponse('The capability already has a release of this version'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const who = c.get('principal');
      await inTransaction(db, (tx) => changeRelease(tx, who, id, c.req.valid('json'), rights(who)));
      return c.json(await releaseView(db, id), 200);
    },
  );

  app.openapi(
    accessRoute('team-admin', {
      method: 'delete',
      path: '/releases/{id}',
      tags,
      summary: 'Delete a release (what it closed stays closed)',
      request: { params: idParams },
      responses: { 204: { description: 'Deleted' } },
    }),
    async (c) => {
      const who = c.get('principal');
      await inTransaction(db, (tx) => deleteRelease(tx, who, c.req.valid('param').id, rights(who)));
      return c.body(null, 204);
    },
  );

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/capabilities/{name}/releases',
      tags,
      summary: "A capability's releases, newest first",
      request: { params: nameParams, query: releaseQuery.omit({ capability: true }) },
      responses: { 200: json(releaseList, 'Releases') },
    }),
    async (c) => {
      const { name } = c.req.valid('param');
      const capability = await findCapability(db, name);
      if (!capability) throw notFound(`capability ${name}`);
      return c.json(await page(db, c.req.valid('query'), capability.id), 200);
    },
  );

  return app;
}
