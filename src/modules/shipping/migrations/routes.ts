import { z } from '@hono/zod-openapi';
import { accessRoute } from '../../../http/access.js';
import { notFound } from '../../../http/errors.js';
import { jsonResponse as json } from '../../../http/openapi.js';
import { createRouter, type AppDeps } from '../../../http/router.js';
import { MIGRATION_TYPES, type ReleaseType } from '../releases/contract.js';
import { deprecationRulesSchema, deprecationSchema, migrationSchema } from './contract.js';
import { listDeprecations, migrationView } from './migration-view.js';
import { getMigrationRelease } from './repo.js';
import { releaseScanInputs } from './scan-rules.js';

const tags = ['shipping'];

/** Deprecations and breaking changes: who is affected, from evidence, and how their migration goes. */
export function migrationRoutes({ db }: AppDeps) {
  const app = createRouter();

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/deprecations',
      tags,
      summary: 'Deprecation and breaking releases with their migration: affected and migrated services, late teams',
      responses: { 200: json(z.object({ items: z.array(deprecationSchema) }), 'Newest first') },
    }),
    async (c) => c.json({ items: await listDeprecations(db) }, 200),
  );

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/deprecations/rules',
      tags,
      summary:
        'The rules `paved scan` evaluates for open deprecations with rules of their own, and the repositories to read again',
      responses: { 200: json(deprecationRulesSchema, 'Rule sets named release:<id>') },
    }),
    async (c) => c.json(await releaseScanInputs(db), 200),
  );

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/releases/{id}/migration',
      tags,
      summary: 'A deprecation or breaking release: affected services by team with evidence, burn-down, late teams',
      request: { params: z.object({ id: z.coerce.number().int().positive() }) },
      responses: { 200: json(migrationSchema, 'The migration') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const release = await getMigrationRelease(db, id);
      if (!release || release.capability_id === null || !MIGRATION_TYPES.includes(release.type as ReleaseType))
        throw notFound(`deprecation or breaking release ${id}`);
      return c.json(await migrationView(db, release), 200);
    },
  );

  return app;
}
