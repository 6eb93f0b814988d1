import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../http/errors.js';
import { actor } from '../../modules/audit/actor.js';
import { countsText } from '../../modules/audit/service.js';
import { type FeedbackImportResult, importFeedback } from '../../modules/voice/feedback/sources/import-feedback.js';
import type { LineProblem } from '../../modules/voice/feedback/sources/read-feedback-csv.js';
import { cliActor, newDatabaseNote, whereIs, type Backend } from '../backend.js';
import { mustExist } from './import.js';

type ErrorBody = { error: { code: string; message: string; details?: unknown } };
type Outcome = { ok: true; result: FeedbackImportResult } | { ok: false; message: string; problems: LineProblem[] };

const isLineProblems = (v: unknown): v is LineProblem[] =>
  Array.isArray(v) && v.every((p) => p && typeof p === 'object' && 'line' in p && 'field' in p);

/** The file through the same service the upload route uses: directly, or through the running server's API. */
async function send(backend: Backend, csv: string, from: string): Promise<Outcome> {
  if (backend.kind === 'api') {
    const res = await backend.request<FeedbackImportResult | ErrorBody>('POST', '/api/v1/imports/feedback', {
      csv,
      source: from,
    });
    if (!('error' in res.body)) return { ok: true, result: res.body };
    const { message, details } = res.body.error;
    if (!isLineProblems(details)) throw new Error(message);
    return { ok: false, message, problems: details };
  }
  try {
    return { ok: true, result: await importFeedback(backend.db, actor(cliActor(), 'cli'), null, csv, from) };
  } catch (error) {
    if (!(error instanceof AppError) || !isLineProblems(error.details)) throw error;
    return { ok: false, message: error.message, problems: error.details };
  }
}

/**
 * `paved import feedback <file.csv>`: pains, requests, bugs and support requests from a CSV file whose header
 * names the API's fields plus `kind`. All or nothing: a file with any bad line changes nothing and exits 1, naming
 * each bad line (the header is line 1).
 */
export async function importFeedbackFile(backend: Backend, file: string, log: (line: string) => void): Promise<number> {
  await mustExist(file, 'a file');
  const outcome = await send(backend, await readFile(file, 'utf8'), basename(file));
  if (!outcome.ok) {
    log(`Nothing imported into ${whereIs(backend)}: ${outcome.message.replace(/^nothing was imported: /, '')}`);
    for (const p of outcome.problems) log(`  line ${p.line}: ${p.field}: ${p.reason}`);
    return 1;
  }
  const { created, byKind } = outcome.result;
  const word = (n: number, one: string) => `${one}${n === 1 ? '' : 's'}`;
  const counts = Object.fromEntries(
    Object.entries(byKind).map(([kind, n]) => [word(n, kind === 'support' ? 'support request' : kind), n]),
  );
  log(
    `Imported ${created} feedback ${word(created, 'item')} from ${file} into ${whereIs(backend)}: ${countsText(counts)}`,
  );
  for (const line of newDatabaseNote(backend)) log(line);
  return 0;
}
