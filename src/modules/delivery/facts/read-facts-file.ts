import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import type { z } from '@hono/zod-openapi';
import { zodDetails } from '../../../http/router.js';
import { changeInput, deploymentInput, incidentInput } from '../contract.js';

export type FactKind = 'deployments' | 'changes' | 'incidents';

/** Each file's items are the JSON API's items, checked by the same schemas. */
export const FACT_SCHEMAS = {
  deployments: deploymentInput,
  changes: changeInput,
  incidents: incidentInput,
} as const satisfies Record<FactKind, z.ZodObject>;

/** One item of a file with the line it starts on, or why that line is not an item. */
export type FactLine = { line: number; item: Record<string, unknown> } | { line: number; error: string };

type CsvRecord = { line: number; cells: string[] } | { line: number; error: string };

/**
 * RFC 4180 records, read line by line: a quoted cell may hold commas, doubled quotes and line breaks; a record
 * is numbered by the line it starts on.
 */
export async function* csvRecords(lines: AsyncIterable<string>): AsyncGenerator<CsvRecord> {
  let number = 0;
  let start = 0;
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let closed = false; // just past a closing quote: only a comma or the end of the record may follow
  let error: string | null = null;
  for await (const raw of lines) {
    number++;
    const text = number === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (quoted) cell += '\n';
    else [start, cells, cell, closed, error] = [number, [], '', false, null];
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (quoted) {
        if (ch !== '"') cell += ch;
        else if (text[i + 1] === '"') cell += text[++i];
        else [quoted, closed] = [false, true];
      } else if (ch === ',') {
        cells.push(cell);
        [cell, closed] = ['', false];
      } else if (closed) {
        error ??= `cell ${cells.length + 1}: text after a closing quote`;
      } else if (ch === '"' && cell === '') {
        quoted = true;
      } else {
        cell += ch;
      }
    }
    if (quoted) continue;
    cells.push(cell);
    yield error ? { line: start, error } : { line: start, cells };
  }
  if (quoted) yield { line: start, error: 'a quoted cell is never closed' };
}

const linesOf = (path: string) =>
  createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });

async function* ndjsonItems(path: string): AsyncGenerator<FactLine> {
  let line = 0;
  for await (const text of linesOf(path)) {
    line++;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield { line, error: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
      continue;
    }
    if (value && typeof value === 'object' && !Array.isArray(value))
      yield { line, item: value as Record<string, unknown> };
    else yield { line, error: 'must be a JSON object' };
  }
}

/** CSV with a header row naming the JSON fields; an empty cell leaves its field out, `causes` is `;`-separated. */
async function* csvItems(path: string, kind: FactKind): AsyncGenerator<FactLine> {
  const known = Object.keys(FACT_SCHEMAS[kind].shape);
  let header: string[] | null = null;
  for await (const record of csvRecords(linesOf(path))) {
    if ('error' in record) {
      yield record;
      if (!header) return;
      continue;
    }
    if (!header) {
      header = record.cells.map((c) => c.trim());
      const problems = header.flatMap((name, i) =>
        !known.includes(name)
          ? [`${name || `column ${i + 1}`}: unknown field (expected ${known.join(', ')})`]
          : header?.indexOf(name) !== i
            ? [`${name}: named twice`]
            : [],
      );
      if (problems.length) {
        for (const error of problems) yield { line: record.line, error };
        return;
      }
      continue;
    }
    if (record.cells.length === 1 && record.cells[0] === '') continue; // a blank line
    if (record.cells.length !== header.length) {
      yield { line: record.line, error: `has ${record.cells.length} cells; the header has ${header.length}` };
      continue;
    }
    const item: Record<string, unknown> = {};
    header.forEach((field, i) => {
      const cell = record.cells[i] ?? '';
      if (cell === '') return;
      item[field] =
        field === 'causes'
          ? cell
              .split(';')
              .map((c) => c.trim())
              .filter(Boolean)
          : cell;
    });
    yield { line: record.line, item };
  }
  if (!header) yield { line: 1, error: 'the file is empty: a CSV file starts with a header row' };
}

/** Whether a path names a file this reads. */
export function factsFileFormat(path: string): 'csv' | 'ndjson' | null {
  const ext = extname(path).toLowerCase();
  return ext === '.csv' ? 'csv' : ext === '.ndjson' || ext === '.jsonl' ? 'ndjson' : null;
}

/**
 * Streams a facts file (CSV or NDJSON, by its extension), item by item with its line, each checked against the
 * JSON API's schema: a line that fails says which field and why. Files of any size: nothing is held in memory.
 */
export async function* readFactsFile(path: string, kind: FactKind): AsyncGenerator<FactLine> {
  const format = factsFileFormat(path);
  if (!format) throw new Error(`${path}: the file must end in .csv, .ndjson or .jsonl`);
  for await (const entry of format === 'csv' ? csvItems(path, kind) : ndjsonItems(path)) {
    if ('error' in entry) {
      yield entry;
      continue;
    }
    const result = FACT_SCHEMAS[kind].safeParse(entry.item);
    if (result.success) yield entry;
    else for (const d of zodDetails(result.error)) yield { line: entry.line, error: `${d.field}: ${d.reason}` };
  }
}
