import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from '@hono/zod-openapi';
import { accessRoute } from '../../../http/access.js';
import { AppError, notFound } from '../../../http/errors.js';
import { createRouter, type AppDeps } from '../../../http/router.js';
import { repositorySchema, scanRequest, scanResultsBody, scanSchema } from './contract.js';
import { isInside } from '../scan/find-repositories.js';
import * as repo from './repo.js';
import { recordScan } from './service.js';
import { queueScan } from './queue-scan.js';
import { toScan } from './views.js';
import { jsonBody as body, jsonResponse as json } from '../../../http/openapi.js';

const invalidPath = (reason: string) =>
  new AppError('VALIDATION_FAILED', `path: ${reason}`, [{ field: 'path', reason }]);

/**
 * Only directories under the configured root may be scanned from the API, symbolic links resolved: the requested
 * path and the root are compared by their real paths, and the scan skips repositories whose real path leads
 * outside the root's (`within`).
 */
async function scanPath(root: string | null | undefined, path: string | undefined) {
  if (!root)
    throw new AppError('VALIDATION_FAILED', 'scanning from the API needs PAVED_SCAN_ROOT set on the server', [
      { field: 'path', reason: 'PAVED_SCAN_ROOT is not set on the server' },
    ]);
  const target = resolve(root, path ?? '.');
  if (!isInside(resolve(root), target)) throw invalidPath('must be inside PAVED_SCAN_ROOT');
  const within = await realpath(root).catch(() => {
    throw invalidPath('PAVED_SCAN_ROOT does not exist on the server');
  });
  const real = await realpath(target).catch(() => {
    throw invalidPath('does not exist');
  });
  if (!isInside(within, real)) throw invalidPath('must be inside PAVED_SCAN_ROOT');
  return { target, within };
}

export function scanRoutes({ db, notifyJobs, scanRoot }: AppDeps) {
  const app = createRouter();

  app.openapi(
    accessRoute('org-admin', {
      method: 'post',
      path: '/scans',
      tags: ['adoption'],
      summary: 'Scan the repositories under the server’s PAVED_SCAN_ROOT (or a folder of it) for capability adoption',
      request: body(scanRequest),
      responses: { 202: json(scanSchema, 'Queued') },
    }),
    async (c) => {
      const principal = c.get('principal');
      const input = c.req.valid('json');
      const { target: root, within } = await scanPath(scanRoot, input.path);
      const id = await queueScan(db, { root, within, history: input.history }, principal);
      notifyJobs?.();
      return c.json(toScan((await repo.getScan(db, id))!), 202);
    },
  );

  app.openapi(
    accessRoute('org-admin', {
      method: 'post',
      path: '/scans/results',
      tags: ['adoption'],
      summary: 'Store scan results made by `paved scan` on this machine',
      request: body(scanResultsBody),
      responses: { 201: json(scanSchema, 'Stored') },
    }),
    async (c) => {
      const principal = c.get('principal');
      const input = c.req.valid('json');
      const { id } = await recordScan(db, {
        root: input.root,
        history: input.history,
        results: input.repositories,
        problems: input.problems,
        actor: principal,
        ...(input.ruleSets ? { ruleSets: input.ruleSets } : {}),
      });
      return c.json(toScan((await repo.getScan(db, id))!), 201);
    },
  );

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/scans',
      tags: ['adoption'],
      summary: 'Recent scans',
      responses: { 200: json(z.object({ items: z.array(scanSchema) }), 'Scans, newest first') },
    }),
    async (c) => c.json({ items: (await repo.listScans(db, 50)).map(toScan) }, 200),
  );

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/scans/{id}',
      tags: ['adoption'],
      summary: 'One scan',
      request: { params: z.object({ id: z.coerce.number().int().positive() }) },
      responses: { 200: json(scanSchema, 'The scan') },
    }),
    async (c) => {
      const row = await repo.getScan(db, c.req.valid('param').id);
      if (!row) throw notFound(`scan ${c.req.valid('param').id}`);
      return c.json(toScan(row), 200);
    },
  );

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/repositories',
      tags: ['adoption'],
      summary: 'Scanned repositories; `unmapped=true` lists those that match no service',
      request: { query: z.object({ unmapped: z.enum(['true', 'false']).optional() }) },
      responses: { 200: json(z.object({ items: z.array(repositorySchema) }), 'Repositories') },
    }),
    async (c) => {
      const rows = await repo.listRepositories(db, { unmappedOnly: c.req.valid('query').unmapped === 'true' });
      const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
      return c.json(
        {
          items: rows.map((r) => ({
            path: r.path,
            name: r.name,
            remoteUrl: r.remote_url,
            service: r.service,
            head: r.head,
            lastScannedAt: iso(r.last_scanned_at),
            lastError: r.last_error,
          })),
        },
        200,
      );
    },
  );

  return app;
}
