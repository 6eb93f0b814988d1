import { z } from '@hono/zod-openapi';
import { ACCESS_FIELD, accessMiddleware, accessRoute } from '../../http/access.js';
import type { Context } from 'hono';
import type { ImportRow } from '../../db/schema/imports.js';
import { pageLimit } from '../../http/page.js';
import { AppError, notFound } from '../../http/errors.js';
import { createRouter, validationError, zodDetails, type AppDeps, type AppEnv } from '../../http/router.js';
import type { CatalogFile } from '../catalog/entity.js';
import {
  filesImportBody,
  importBody,
  importList,
  importPath,
  importSource,
  importRecordSchema,
  importResultSchema,
  MAX_UPLOAD_BYTES,
  urlImportBody,
} from './contract.js';
import { queueUrlImport } from './jobs.js';
import * as repo from './repo.js';
import { readTarGz } from './read-tar-gz.js';
import { readZip } from './read-zip.js';
import { runImport } from './run-import.js';
import { uploadSource } from './upload-source.js';
import { isoOrNull as iso } from '../../http/openapi.js';
import { checkDestination, DestinationRefused } from '../../connectors/safe-fetch.js';

/** A URL the guard refuses is named at once (400); the job checks again when it connects (DNS may change). */
async function refuseDestination(url: string, allowPrivate: boolean): Promise<void> {
  try {
    await checkDestination(new URL(url), { allowPrivate }, AbortSignal.timeout(5_000));
  } catch (error) {
    if (error instanceof DestinationRefused) throw validationError([{ field: 'url', reason: error.message }]);
    // A name that does not resolve now may later; the job says what happened.
  }
}

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

/** A value from a query parameter or a form field, checked as the JSON body's field of the same meaning. */
function checked(schema: z.ZodType<string>, field: string, value: string): string {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(zodDetails(result.error).map((d) => ({ ...d, field })));
  return result.data;
}

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
      source: parsed.data.source ?? uploadSource(parsed.data.files),
      skipInvalid: parsed.data.skipInvalid ?? skipFlag,
    };
  }
  if (['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml', 'text/plain'].includes(type)) {
    const name = checked(importPath, 'filename', c.req.query('filename') ?? 'catalog-info.yaml');
    const files = [{ path: name, content: await c.req.text() }];
    const source = checked(importSource, 'source', c.req.query('source') ?? uploadSource(files));
    return { kind: 'files', files, source, skipInvalid: skipFlag };
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
    files.forEach((f, i) => checked(importPath, `file[${i}].path`, f.path));
    const source = form.get('source');
    return {
      kind: 'files',
      files,
      source: typeof source === 'string' && source ? checked(importSource, 'source', source) : uploadSource(files),
      skipInvalid: form.get('skipInvalid') === 'true' || skipFlag,
    };
  }
  throw new AppError(
    'UNSUPPORTED_MEDIA_TYPE',
    `send application/json, application/yaml or multipart/form-data, not "${type || 'nothing'}"`,
  );
}

export function importRoutes({ db, notifyJobs, allowPrivateDestinations }: AppDeps) {
  const app = createRouter();

  // Registered by hand: the body comes in three media types, which the route validator cannot take.
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/imports/backstage',
    [ACCESS_FIELD]: 'org-admin',
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
  app.post('/imports/backstage', accessMiddleware('org-admin'), async (c) => {
    const principal = c.get('principal');
    const upload = await readUpload(c);
    if (upload.kind === 'url') {
      await refuseDestination(upload.url, allowPrivateDestinations ?? false);
      const id = await queueUrlImport(db, upload, principal);
      notifyJobs?.();
      const row = await repo.getImport(db, id);
      return c.json(toImportRecord(row!), 202);
    }
    const result = await runImport(db, {
      files: upload.files,
      source: upload.source,
      skipInvalid: upload.skipInvalid,
      actor: principal,
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
    accessRoute('signed-in', {
      method: 'get',
      path: '/imports',
      tags: ['imports'],
      summary: 'Recent imports',
      request: { query: z.object({ limit: pageLimit(200, 20) }) },
      responses: {
        200: { content: { 'application/json': { schema: importList } }, description: 'Imports, newest first' },
      },
    }),
    async (c) => c.json({ items: (await repo.listImports(db, c.req.valid('query').limit)).map(toImportRecord) }, 200),
  );

  app.openapi(
    accessRoute('signed-in', {
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
