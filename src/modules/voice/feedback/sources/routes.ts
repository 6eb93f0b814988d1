import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { ACCESS_FIELD, accessMiddleware, accessRoute } from '../../../../http/access.js';
import { AppError } from '../../../../http/errors.js';
import { decodeIdCursor, encodeIdCursor } from '../../../../http/id-cursor.js';
import { errorResponse, isoOrNull, jsonResponse as json } from '../../../../http/openapi.js';
import { cursorParam, pageLimit } from '../../../../http/page.js';
import { createRouter, validationError, zodDetails, type AppDeps, type AppEnv } from '../../../../http/router.js';
import { feedbackImportBody, feedbackImportResult, unplacedList, type UnplacedItem } from './contract.js';
import { importFeedback } from './import-feedback.js';
import { FEEDBACK_COLUMNS } from './read-feedback-csv.js';
import { listUnplaced, type UnplacedRow } from './repo.js';

const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain'];

/** The file's text and a name for it: a CSV body, a multipart `file`, or JSON `{ csv }`. */
async function readCsv(c: Context<AppEnv>): Promise<{ csv: string; from: string }> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (CSV_TYPES.includes(type)) return { csv: await c.req.text(), from: c.req.query('source') || 'an upload' };
  if (type === 'multipart/form-data') {
    const file = (await c.req.formData()).get('file');
    if (!file || typeof file === 'string') throw validationError([{ field: 'file', reason: 'attach a CSV file' }]);
    return { csv: await file.text(), from: file.name || 'an upload' };
  }
  if (type === 'application/json') {
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      throw new AppError('MALFORMED_JSON', 'the body is not valid JSON');
    }
    const parsed = feedbackImportBody.safeParse(raw);
    if (!parsed.success) throw validationError(zodDetails(parsed.error));
    return { csv: parsed.data.csv, from: parsed.data.source ?? 'an upload' };
  }
  throw new AppError(
    'UNSUPPORTED_MEDIA_TYPE',
    `send text/csv, multipart/form-data (a file field) or application/json ({ "csv" }), not "${type || 'nothing'}"`,
  );
}

function toUnplaced(row: UnplacedRow): UnplacedItem {
  const missing: UnplacedItem['missing'] = [];
  if (row.team === null) missing.push('team');
  if (row.capability === null && (row.source === 'github' || row.source === 'gitlab')) missing.push('capability');
  return {
    kind: row.kind,
    id: row.id,
    title: row.title,
    status: row.status,
    source: row.source,
    team: row.team,
    capability: row.capability,
    missing,
    authorName: row.author_name,
    externalId: row.external_id,
    externalUrl: row.external_url,
    externalRepository: row.external_repository,
    externalAuthor: row.external_author,
    openedAt: isoOrNull(row.opened_at) ?? '',
  };
}

/** Where feedback comes from besides the forms: CSV files, and the issues Paved could not place. */
export function feedbackSourceRoutes({ db }: AppDeps) {
  const app = createRouter();

  // Registered by hand: the file comes in three media types, which the route validator cannot take.
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/imports/feedback',
    [ACCESS_FIELD]: 'member',
    tags: ['feedback'],
    summary: 'Import pains, requests, bugs and support requests from a CSV file, all or nothing',
    description: `A header row names the columns: ${FEEDBACK_COLUMNS.join(', ')}; each line is checked as the API checks that kind's input (an empty cell leaves its field out). A file with any bad line changes nothing: 400 listing every bad line (up to 100) as { line, field, reason }, the header being line 1; 403 when a member names a team that is not theirs. Send text/csv, multipart/form-data with a \`file\` field, or JSON { "csv" }.`,
    request: {
      body: {
        content: {
          'text/csv': { schema: z.string() },
          'application/json': { schema: feedbackImportBody },
        },
        required: true,
      },
    },
    responses: {
      200: json(feedbackImportResult, 'Imported: how many items of each kind'),
      400: errorResponse('A bad line (VALIDATION_FAILED, details name each line and field); nothing was imported'),
      403: errorResponse('A line for a team the caller does not belong to (FORBIDDEN); nothing was imported'),
    },
  });
  app.post('/imports/feedback', accessMiddleware('member'), async (c) => {
    const principal = c.get('principal');
    const { csv, from } = await readCsv(c);
    return c.json(await importFeedback(db, principal, principal, csv, from), 200);
  });

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/feedback/unplaced',
      tags: ['feedback'],
      summary: 'Feedback Paved could not place, for triage: without a team, or from an issue on an unmapped repository',
      request: { query: z.object({ limit: pageLimit(200, 50), cursor: cursorParam }) },
      responses: {
        200: json(unplacedList, 'Items, newest first, with their issue and author as the tracker named them'),
      },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const rows = await listUnplaced(db, { before: decodeIdCursor(cursor), limit: limit + 1 });
      const items = rows.slice(0, limit).map(toUnplaced);
      const last = rows.length > limit ? items.at(-1) : undefined;
      return c.json({ items, nextCursor: last ? encodeIdCursor(last.id) : null }, 200);
    },
  );

  return app;
}
