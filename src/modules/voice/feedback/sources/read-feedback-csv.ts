import type { ErrorDetail } from '../../../../http/errors.js';
import { zodDetails } from '../../../../http/router.js';
import { csvRecords } from '../../../delivery/facts/read-facts-file.js';
import { INPUTS, type NewFeedback } from '../contract.js';

const KINDS = Object.keys(INPUTS) as (keyof typeof INPUTS)[];

/** The columns a file may have: `kind`, then every field of any kind's API input. */
export const FEEDBACK_COLUMNS = ['kind', ...new Set(KINDS.flatMap((k) => Object.keys(INPUTS[k].shape)))];
const NUMBERS = new Set(['severity', 'hoursLostPerWeek']);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/** A problem with one line of a file: the line (the header is line 1), the field, and why. */
export interface LineProblem extends ErrorDetail {
  line: number;
}

export type FeedbackLine = { line: number; item: NewFeedback };

async function* linesOf(text: string): AsyncGenerator<string> {
  yield* text.split(/\r\n|\n|\r/);
}

/** A cell as the API would have it: numbers read from their text (`2`, `1.5`); anything else as written. */
function value(field: string, cell: string): unknown {
  if (NUMBERS.has(field) && NUMBER.test(cell.trim())) return Number(cell.trim());
  return cell;
}

/**
 * Reads a CSV file of feedback (RFC 4180: quoted cells may hold commas, quotes and line breaks; CRLF or LF; a
 * UTF-8 byte order mark is dropped) whose header names the API's fields plus `kind`. Each line is checked with the
 * API's own input schema for its kind, an empty cell leaving its field out. A line is named by the line of the file
 * it starts on.
 */
export async function readFeedbackCsv(text: string): Promise<{ items: FeedbackLine[]; problems: LineProblem[] }> {
  const items: FeedbackLine[] = [];
  const problems: LineProblem[] = [];
  let header: string[] | null = null;
  for await (const record of csvRecords(linesOf(text))) {
    if ('error' in record) {
      problems.push({ line: record.line, field: '(line)', reason: record.error });
      if (!header) break;
      continue;
    }
    if (!header) {
      header = record.cells.map((c) => c.trim());
      header.forEach((name, i) => {
        if (!FEEDBACK_COLUMNS.includes(name))
          problems.push({
            line: 1,
            field: name || `column ${i + 1}`,
            reason: `unknown column (expected ${FEEDBACK_COLUMNS.join(', ')})`,
          });
        else if (header?.indexOf(name) !== i) problems.push({ line: 1, field: name, reason: 'named twice' });
      });
      if (!header.includes('kind')) problems.push({ line: 1, field: 'kind', reason: 'the header needs a kind column' });
      if (problems.length > 0) break;
      continue;
    }
    if (record.cells.length === 1 && record.cells[0]?.trim() === '') continue; // a blank line
    if (record.cells.length !== header.length) {
      const reason = `has ${record.cells.length} cells; the header has ${header.length}`;
      problems.push({ line: record.line, field: '(line)', reason });
      continue;
    }
    const read = readLine(header, record.cells);
    if ('item' in read) items.push({ line: record.line, item: read.item });
    else problems.push(...read.problems.map((p) => ({ line: record.line, ...p })));
  }
  if (!header) problems.push({ line: 1, field: '(file)', reason: 'is empty: a CSV file starts with a header row' });
  return { items, problems };
}

function readLine(header: string[], cells: string[]): { item: NewFeedback } | { problems: ErrorDetail[] } {
  const kind = cells[header.indexOf('kind')]?.trim() ?? '';
  if (!(KINDS as string[]).includes(kind))
    return { problems: [{ field: 'kind', reason: `must be one of ${KINDS.join(', ')}` }] };
  const schema = INPUTS[kind as NewFeedback['kind']];
  const input: Record<string, unknown> = {};
  const problems: ErrorDetail[] = [];
  header.forEach((field, i) => {
    const cell = cells[i] ?? '';
    if (field === 'kind' || cell === '') return;
    if (!(field in schema.shape)) problems.push({ field, reason: `is not a field of a ${kind}` });
    else input[field] = value(field, cell);
  });
  if (problems.length > 0) return { problems };
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { problems: zodDetails(parsed.error) };
  return { item: { kind, input: parsed.data } as NewFeedback };
}
