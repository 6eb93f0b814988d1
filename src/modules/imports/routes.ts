import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ImportRow } from '../../db/schema/imports.js';
import { enqueueJob } from '../../jobs/queue.js';
import { limitBody } from '../../http/body-limit.js';
import { AppError, notFound } from '../../http/errors.js';
import { createRouter, validationError, zodDetails, type AppDeps, type AppEnv } from '../../http/router.js';
import { requireRole } from '../auth/middleware.js';
import type { CatalogFile } from '../catalog/entity.js';
import {
  filesImportBody,
  importBody,
  importList,
  importRecordSchema,
  importResultSchema,
  MAX_UPLOAD_BYTES,
  urlImportBody,
} from './contract.js';
import { BACKSTAGE_URL_IMPORT, pendingTokens } from './jobs.js';
import * as repo from './repo.js';
import { readTarGz } from './read-tar-gz.js';
import { readZip } from './read-zip.js';
import { runImport } from './run-import.js';
import { isoOrNull as iso } from '../../http/openapi.js';

export function toImportRecord(row: ImportRow) {
  return {
    id: row.id,
    kind: row.kind,
    source: row.source,
    status: row.status,
    summary: row.summary as Record<string, number> | null,
    problems: row.problems,
    warnings: row.warnings,
    error: row.error,
    requestedBy: row.requested_by,
    createdAt: iso(row.created_at) ?? '',
    finishedAt: iso(row.finished_at),
  };
}

type Upload =
  | { kind: 'files'; files: CatalogFile[]; source: string; skipInvalid: boolean }
  | { kind: 'url'; url: string; token: string | null; skipInvalid: boolean };

/** JSON (files or a Backstage URL), raw YAML, or multipart files: the three ways a catalog arrives. */
async function readUpload(c: Context<AppEnv>): Promise<Upload> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const skipFlag = c.req.query('skipInvalid') === 'true';
  if (type === 'application/json') {
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      throw new AppError('MALFORMED_JSON', 'the body is not valid JSON');
    }
    if (raw && typeof raw === 'object' && 'url' in raw) {
      const parsed = urlImportBody.safeParse(raw);
      if (!parsed.success) throw validationError(zodDetails(parsed.error));
      return {
        kind: 'url',
        url: parsed.data.url,
        token: parsed.data.token ?? null,
        skipInvalid: parsed.data.skipInvalid ?? skipFlag,
      };
    }
    const parsed = filesImportBody.safeParse(raw);
    if (!parsed.success) throw validationError(zodDetails(parsed.error));
    return {
      kind: 'files',
      files: parsed.data.files,
      source: parsed.data.source ?? 'upload',
      skipInvalid: parsed.data.skipInvalid ?? skipFlag,
    };
  }
  if (['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml', 'text/plain'].includes(type)) {
    const name = c.req.query('filename') ?? 'catalog-info.yaml';
    return {
      kind: 'files',
      files: [{ path: name, content: await c.req.text() }],
      source: c.req.query('source') ?? `upload:${name}`,
      skipInvalid: skipFlag,
    };
  }
  if (type === 'multipart/form-data') {
    const form = await c.req.formData();
    const files: CatalogFile[] = [];
    for (const value of form.getAll('file')) {
      if (typeof value === 'string') continue;
      const archive = /\.(tar\.gz|tgz)$/i.test(value.name) ? readTarGz : /\.zip$/i.test(value.name) ? readZip : null;
      if (archive) {
        const unpacked = archive(new Uint8Array(await value.arrayBuffer()), MAX_UPLOAD_BYTES * 5);
        if (typeof unpacked === 'string')
          throw validationError([{ field: 'file', reason: `${value.name} ${unpacked}` }]);
        files.push(...unpacked);
      } else files.push({ path: value.name || `file-${files.length + 1}.yaml`, content: await value.text() });
    }
    if (files.length === 0) throw validationError([{ field: 'file', reason: 'attach at least one descriptor file' }]);
    const source = form.get('source');
    return {
      kind: 'files',
      files,
      source: typeof source === 'string' && source ? source : 'upload',
      skipInvalid: form.get('skipInvalid') === 'true' || skipFlag,
    };
  }
  throw new AppError(
    'UNSUPPORTED_MEDIA_TYPE',
    `send application/json, application/yaml or multipart/form-data, not "${type || 'nothing'}"`,
  );
}

export function importRoutes({ db, notifyJobs }: AppDeps) {
  const app = createRouter();

  app.use('/imports/*', limitBody(MAX_UPLOAD_BYTES, `uploads are limited to ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`));

  // Registered by hand: the body comes in three media types, which the route validator cannot take.
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/imports/backstage',
    tags: ['imports'],
    summary: 'Import Backstage descriptors: files (JSON, YAML or multipart) synchronously, or a Backstage URL as a job',
    description:
      'Atomic: with any invalid document nothing changes and the answer is 422 listing every problem as `file:document: field: reason`, unless skipInvalid is true. A `url` body starts a job and answers 202; poll GET /imports/{id}. Also accepts a raw `application/yaml` body (`?filename=&source=&skipInvalid=`) and `multipart/form-data` with `file` fields (descriptor files, or `.tar.gz` or `.zip` archives of a catalog folder, whose *.yaml files are read).',
    request: {
      body: {
        content: {
          'application/json': { schema: importBody },
        },
        required: true,
      },
    },
    responses: {
      200: { content: { 'application/json': { schema: importResultSchema } }, description: 'Imported' },
      202: { content: { 'application/json': { schema: importRecordSchema } }, description: 'Queued (URL import)' },
    },
  });
  app.post('/imports/backstage', async (c) => {
    const principal = c.get('principal');
    requireRole(principal, 'admin');
    const upload = await readUpload(c);
    if (upload.kind === 'url') {
      const { id } = await repo.insertImport(db, {
        kind: 'backstage',
        source: `backstage:${upload.url}`,
        status: 'queued',
        skipInvalid: upload.skipInvalid,
        requestedBy: principal.name,
      });
      if (upload.token) pendingTokens.set(id, upload.token);
      await enqueueJob(db, BACKSTAGE_URL_IMPORT, {
        importId: id,
        url: upload.url,
        needsToken: upload.token !== null,
        skipInvalid: upload.skipInvalid,
        actor: principal.name,
      });
      notifyJobs?.();
      const row = await repo.getImport(db, id);
      return c.json(toImportRecord(row!), 202);
    }
    const result = await runImport(db, {
      files: upload.files,
      source: upload.source,
      skipInvalid: upload.skipInvalid,
      actor: principal.name,
    });
    if (result.status === 'rejected') {
      const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
      // One document may have several problems: both counts, so neither reads as the other.
      throw new AppError(
        'IMPORT_INVALID',
        `${plural(result.summary.invalid, 'invalid document')} (${plural(result.problems.length, 'problem')}); nothing was imported`,
        result,
      );
    }
    return c.json(result, 200);
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/imports',
      tags: ['imports'],
      summary: 'Recent imports',
      request: { query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(20) }) },
      responses: {
        200: { content: { 'application/json': { schema: importList } }, description: 'Imports, newest first' },
      },
    }),
    async (c) => c.json({ items: (await repo.listImports(db, c.req.valid('query').limit)).map(toImportRecord) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/imports/{id}',
      tags: ['imports'],
      summary: 'One import',
      request: { params: z.object({ id: z.coerce.number().int().positive() }) },
      responses: {
        200: { content: { 'application/json': { schema: importRecordSchema } }, description: 'The import' },
      },
    }),
    async (c) => {
      const row = await repo.getImport(db, c.req.valid('param').id);
      if (!row) throw notFound(`import ${c.req.valid('param').id}`);
      return c.json(toImportRecord(row), 200);
    },
  );

  return app;
}
