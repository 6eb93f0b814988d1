import type { Kysely } from 'kysely';
import type { Database } from '../../../../db/schema/index.js';
import type { FeedbackKind } from '../../../../db/schema/voice.js';
import { AppError } from '../../../../http/errors.js';
import type { Principal } from '../../../../http/router.js';
import type { Actor } from '../../../audit/actor.js';
import { countsText, recordAudit } from '../../../audit/service.js';
import type { NewFeedback } from '../contract.js';
import { feedbackRow, KIND_LABEL } from '../create-item.js';
import { insertItems, type NewFeedbackRow } from '../repo.js';
import { type Resolution, resolveRefs } from '../resolve-refs.js';
import { assertMayCreate } from '../rights.js';
import { type LineProblem, readFeedbackCsv } from './read-feedback-csv.js';

/** Problems listed in an error: a file wrong throughout would otherwise answer megabytes. */
export const SHOWN_PROBLEMS = 100;
const INSERT_CHUNK = 1000;

export interface FeedbackImportResult {
  created: number;
  byKind: Record<FeedbackKind, number>;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function refused(code: 'VALIDATION_FAILED' | 'FORBIDDEN', problems: LineProblem[]): AppError {
  const sorted = [...problems].sort((a, b) => a.line - b.line);
  const first = sorted
    .slice(0, 3)
    .map((p) => `line ${p.line}: ${p.field}: ${p.reason}`)
    .join('; ');
  const more = sorted.length > 3 ? `; and ${sorted.length - 3} more` : '';
  return new AppError(
    code,
    `nothing was imported: ${plural(sorted.length, 'problem')} (${first}${more})`,
    sorted.slice(0, SHOWN_PROBLEMS),
  );
}

/** One lookup per distinct set of names: a file names the same few teams and capabilities on many lines. */
function refsResolver(db: Kysely<Database>) {
  const known = new Map<string, Promise<Resolution>>();
  return (item: NewFeedback) => {
    const input = item.input as { team?: string | null; capability?: string | null; platformTeam?: string | null };
    const key = JSON.stringify([item.kind, input.team, input.capability, input.platformTeam]);
    let found = known.get(key);
    if (!found) known.set(key, (found = resolveRefs(db, item)));
    return found;
  };
}

/**
 * Imports a CSV file of feedback, all or nothing: every line is checked (fields with the API's schemas, names
 * against the catalog, times in order, and, for a caller with `rights`, that they may write it), and a file with
 * any bad line changes nothing and names every bad line (up to SHOWN_PROBLEMS). Then every item is written in one
 * transaction with one audit entry. `rights` null: the CLI at the database itself, which may write anything.
 */
export async function importFeedback(
  db: Kysely<Database>,
  who: Actor,
  rights: Principal | null,
  csv: string,
  from: string,
): Promise<FeedbackImportResult> {
  const { items, problems } = await readFeedbackCsv(csv);
  const resolve = refsResolver(db);
  const now = new Date();
  const rows: NewFeedbackRow[] = [];
  const forbidden: LineProblem[] = [];
  for (const { line, item } of items) {
    const resolution = await resolve(item);
    if (!resolution.ok) {
      problems.push({ line, field: resolution.field, reason: resolution.reason });
      continue;
    }
    const made = feedbackRow(item, resolution.refs, who, 'csv', now);
    if (!made.ok) {
      problems.push({ line, field: made.field, reason: made.reason });
      continue;
    }
    rows.push(made.row);
    try {
      if (rights) assertMayCreate(rights, item, resolution.refs);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'FORBIDDEN') throw error;
      const input = item.input as { team?: string | null };
      forbidden.push({ line, field: input.team ? 'team' : 'capability', reason: error.message });
    }
  }
  if (problems.length > 0) throw refused('VALIDATION_FAILED', problems);
  if (forbidden.length > 0) throw refused('FORBIDDEN', forbidden);
  if (rows.length === 0)
    throw new AppError('VALIDATION_FAILED', 'file: has no items, only a header', [
      { field: 'file', reason: 'has no items, only a header' },
    ]);

  const byKind: Record<FeedbackKind, number> = { pain: 0, request: 0, bug: 0, support: 0 };
  for (const row of rows) byKind[row.kind]++;
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) await insertItems(tx, rows.slice(i, i + INSERT_CHUNK));
    const counts = Object.fromEntries(
      (Object.keys(byKind) as FeedbackKind[]).map((k) => [`${KIND_LABEL[k]}${byKind[k] === 1 ? '' : 's'}`, byKind[k]]),
    );
    await recordAudit(tx, who, {
      action: 'import',
      entity: { kind: 'feedback', id: null, ref: null },
      summary: `Imported feedback from ${from}: ${countsText(counts)}`,
      changes: Object.fromEntries(Object.entries(byKind).map(([k, n]) => [k, { before: null, after: n }])),
    });
  });
  return { created: rows.length, byKind };
}
