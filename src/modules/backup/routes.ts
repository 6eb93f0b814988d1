import { z } from '@hono/zod-openapi';
import { AppError } from '../../http/errors.js';
import { errorResponse } from '../../http/openapi.js';
import { createRouter, type AppDeps } from '../../http/router.js';
import { ACCESS_FIELD, accessMiddleware } from '../../http/access.js';

/**
 * A consistent snapshot of the embedded database while the server runs, for `paved backup`: PGlite's files as a
 * gzipped tar, which `paved restore` writes into a new data directory. A PostgreSQL server is backed up with
 * pg_dump instead.
 */
export function backupRoutes({ dumpDatabase }: AppDeps) {
  const app = createRouter();
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/backup',
    [ACCESS_FIELD]: 'org-admin',
    tags: ['meta'],
    summary: 'A backup of the embedded database (gzipped tar of its files), for `paved restore` (organisation admin)',
    responses: {
      200: {
        content: { 'application/gzip': { schema: z.string().openapi({ format: 'binary' }) } },
        description: 'The backup',
      },
      409: errorResponse('CONFLICT: the server runs on PostgreSQL; back it up with pg_dump'),
    },
  });
  app.get('/backup', accessMiddleware('org-admin'), async (c) => {
    if (!dumpDatabase)
      throw new AppError('CONFLICT', 'this server runs on PostgreSQL (DATABASE_URL): back it up with pg_dump');
    const backup = await dumpDatabase();
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    return c.body(backup.stream(), 200, {
      'content-type': 'application/gzip',
      'content-length': String(backup.size),
      'content-disposition': `attachment; filename="paved-backup-${stamp}.tar.gz"`,
      'cache-control': 'no-store',
    });
  });
  return app;
}
