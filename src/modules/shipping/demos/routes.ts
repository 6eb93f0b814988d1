import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { inTransaction } from '../../../db/transaction.js';
import { ACCESS_FIELD, accessMiddleware, accessRoute } from '../../../http/access.js';
import { AppError, notFound } from '../../../http/errors.js';
import { jsonBody as body, errorResponse, jsonResponse as json } from '../../../http/openapi.js';
import { createRouter, validationError, zodDetails, type AppDeps, type AppEnv } from '../../../http/router.js';
import { findCapability } from '../../voice/sla/find-capability.js';
import { idParams } from '../../voice/problems/contract.js';
import { entityNamed } from '../../voice/problems/catalog-names.js';
import {
  attendanceImportBody,
  attendanceImportResult,
  capabilityDemosSchema,
  demoCreate,
  demoPatch,
  demoSchema,
  demosQuery,
} from './contract.js';
import { pooledConversion } from './conversion.js';
import { demoViews } from './demo-view.js';
import { importAttendance } from './import-attendance.js';
import { decodeUpload } from './read-attendance-csv.js';
import { findDemo, listDemos } from './repo.js';
import { changeDemo, createDemo, removeDemo } from './write-demo.js';

const tags = ['demos'];
const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain', 'text/tab-separated-values'];

/** The export's text and a name for it: a CSV body (UTF-8 or UTF-16), a multipart `file`, or JSON `{ csv }`. */
async function readUpload(c: Context<AppEnv>): Promise<{ csv: string; from: string }> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (CSV_TYPES.includes(type))
    return { csv: decodeUpload(new Uint8Array(await c.req.arrayBuffer())), from: c.req.query('source') || 'an upload' };
  if (type === 'multipart/form-data') {
    const file = (await c.req.formData()).get('file');
    if (!file || typeof file === 'string') throw validationError([{ field: 'file', reason: 'attach a CSV file' }]);
    return { csv: decodeUpload(new Uint8Array(await file.arrayBuffer())), from: file.name || 'an upload' };
  }
  if (type === 'application/json') {
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      throw new AppError('MALFORMED_JSON', 'the body is not valid JSON');
    }
    const parsed = attendanceImportBody.safeParse(raw);
    if (!parsed.success) throw validationError(zodDetails(parsed.error));
    return { csv: parsed.data.csv, from: parsed.data.source ?? 'an upload' };
  }
  throw new AppError(
    'UNSUPPORTED_MEDIA_TYPE',
    `send text/csv, multipart/form-data (a file field) or application/json ({ "csv" }), not "${type || 'nothing'}"`,
  );
}

async function demoView(db: AppDeps['db'], id: number) {
  const row = await findDemo(db, id);
  if (!row) throw notFound(`demo ${id}`);
  const [view] = await demoViews(db, [row]);
  return view as NonNullable<typeof view>;
}

/** Demos of capabilities: when, who presented, recording and slides, who attended, and how many teams adopted. */
export function demoRoutes({ db }: AppDeps) {
  const app = createRouter();

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/demos',
      tags,
      summary:
        'Demos, newest first, each with its attendance and conversion (optionally of one capability, between dates)',
      request: { query: demosQuery },
      responses: { 200: json(z.object({ items: z.array(demoSchema) }), 'The demos') },
    }),
    async (c) => {
      const { capability, from, to } = c.req.valid('query');
      const cap = capability ? await entityNamed(db, capability, 'capability', 'capability') : undefined;
      const rows = await listDemos(db, { capabilityId: cap?.id, from, to });
      return c.json({ items: await demoViews(db, rows) }, 200);
    },
  );

  app.openapi(
    accessRoute('team-admin', {
      method: 'post',
      path: '/demos',
      tags,
      summary: "Record a demo of a capability with its attendance (the capability's platform team or an org admin)",
      request: body(demoCreate),
      responses: { 201: json(demoSchema, 'The demo') },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const id = await inTransaction(db, (tx) => createDemo(tx, c.get('principal'), input));
      return c.json(await demoView(db, id), 201);
    },
  );

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/demos/{id}',
      tags,
      summary: 'A demo with its attendance and its conversion, with the teams behind it',
      request: { params: idParams },
      responses: { 200: json(demoSchema, 'The demo') },
    }),
    async (c) => c.json(await demoView(db, c.req.valid('param').id), 200),
  );

  app.openapi(
    accessRoute('team-admin', {
      method: 'patch',
      path: '/demos/{id}',
      tags,
      summary: 'Change a demo; attendance, when given, replaces it',
      request: { params: idParams, ...body(demoPatch) },
      responses: { 200: json(demoSchema, 'The demo') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const patch = c.req.valid('json');
      await inTransaction(db, (tx) => changeDemo(tx, c.get('principal'), id, patch));
      return c.json(await demoView(db, id), 200);
    },
  );

  app.openapi(
    accessRoute('team-admin', {
      method: 'delete',
      path: '/demos/{id}',
      tags,
      summary: 'Delete a demo and its attendance',
      request: { params: idParams },
      responses: { 204: { description: 'Deleted' } },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await inTransaction(db, (tx) => removeDemo(tx, c.get('principal'), id));
      return c.body(null, 204);
    },
  );

  // Registered by hand: the file comes in three media types, which the route validator cannot take.
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/demos/{id}/attendance/import',
    [ACCESS_FIELD]: 'team-admin',
    tags,
    summary: "Add attendance from a meeting tool's attendance export (Zoom, Microsoft Teams, Google Meet)",
    description:
      'The header row is the first with a column named like Email, E-mail, User Email or Attendee Email (rows above it, a meeting summary, are skipped; the attendees end at the first blank row). Comma- or tab-separated, UTF-8 or UTF-16. Each email is matched to a catalog User (spec.profile.email), who attended for each of their teams. Emails no user has are listed as unmatched with their lines and the rest is added; a file that cannot be read, or in which no email matches, changes nothing (400). Send text/csv, multipart/form-data with a `file` field, or JSON { "csv" }.',
    request: {
      params: idParams,
      body: {
        content: {
          'text/csv': { schema: z.string() },
          'application/json': { schema: attendanceImportBody },
        },
        required: true,
      },
    },
    responses: {
      200: json(attendanceImportResult, 'Added: the matched attendees, and the rows left out'),
      400: errorResponse('The file cannot be read, or no email matches (VALIDATION_FAILED); nothing was added'),
    },
  });
  app.post('/demos/:id/attendance/import', accessMiddleware('team-admin'), async (c) => {
    const parsed = idParams.safeParse({ id: c.req.param('id') });
    if (!parsed.success) throw validationError(zodDetails(parsed.error));
    const { id } = parsed.data;
    const principal = c.get('principal');
    const { csv, from } = await readUpload(c);
    const result = await inTransaction(db, (tx) => importAttendance(tx, principal, id, csv, from));
    return c.json({ ...result, demo: await demoView(db, id) }, 200);
  });

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/capabilities/{name}/demos',
      tags,
      summary: "A capability's demos with each one's conversion, and its conversion over all its demos",
      request: { params: z.object({ name: z.string() }) },
      responses: { 200: json(capabilityDemosSchema, "The capability's demos, newest first") },
    }),
    async (c) => {
      const capability = await findCapability(db, c.req.valid('param').name);
      if (!capability) throw notFound(`capability ${c.req.valid('param').name}`);
      const demos = await demoViews(db, await listDemos(db, { capabilityId: capability.id }));
      const conversion = pooledConversion(demos.map((d) => d.conversion));
      return c.json({ capability: capability.name, conversion, demos }, 200);
    },
  );

  return app;
}
