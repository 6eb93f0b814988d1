import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nastyString, PROPERTY_RUNS } from '../../../../test/arbitraries.js';
import { csvRecords, readFactsFile } from './read-facts-file.js';

// `paved import deployments|changes|incidents` reads CSV and NDJSON files from anywhere. Whatever a file holds, the
// reader yields items the API's schema accepted or errors naming their line; it never throws, and stops.

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paved-facts-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function* linesOf(text: string) {
  yield* text.split('\n');
}

const cell = fc.oneof(
  nastyString,
  fc.constantFrom('"', '""', '"a,b"', '"x"y', ',', 'a;b', 'inc-1', 'api', '2025-03-01T12:00:00Z'),
);
const csv = fc
  .tuple(
    fc.oneof(
      fc.constant('id,service,title,severity,causes,triggeredAt,resolvedAt'),
      fc.array(cell, { maxLength: 4 }).map((c) => c.join(',')),
    ),
    fc.array(
      fc.array(cell, { minLength: 1, maxLength: 8 }).map((c) => c.join(',')),
      { maxLength: 6 },
    ),
  )
  .map(([header, rows]) => [header, ...rows].join('\n'));

describe('fact files, with generated content', () => {
  it('CSV records: every line either cells or an error, never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(csv, async (text) => {
        for await (const record of csvRecords(linesOf(text))) {
          expect(record.line).toBeGreaterThanOrEqual(1);
          if ('error' in record) expect(record.error).toMatch(/\S/);
          else expect(Array.isArray(record.cells)).toBe(true);
        }
      }),
      PROPERTY_RUNS,
    );
  });

  it('CSV and NDJSON files: items the schema accepts (storable) or errors by line', async () => {
    let n = 0;
    const file = fc.oneof(
      csv.map((text) => ['csv', text] as const),
      fc.array(nastyString, { maxLength: 5 }).map((lines) => ['ndjson', lines.join('\n')] as const),
    );
    await fc.assert(
      fc.asyncProperty(file, async ([ext, text]) => {
        const path = join(dir, `f${n++}.${ext}`);
        await writeFile(path, text);
        for await (const entry of readFactsFile(path, 'incidents')) {
          if ('error' in entry) expect(entry.error).toMatch(/\S/);
          else expect(JSON.stringify(entry.item)).not.toContain('\\u0000');
        }
      }),
      { ...PROPERTY_RUNS, numRuns: 100 },
    );
  });
});
