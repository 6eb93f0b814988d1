import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvRecords, readFactsFile, type FactKind, type FactLine } from './read-facts-file.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paved-facts-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

async function* linesOf(text: string) {
  yield* text.split('\n');
}

async function read(name: string, content: string, kind: FactKind): Promise<FactLine[]> {
  const path = join(dir, name);
  await writeFile(path, content);
  return collect(readFactsFile(path, kind));
}

describe('csvRecords (RFC 4180)', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks, numbering each record by its first line', async () => {
    const text = 'a,b,c\n"x, y","say ""hi""",z\n"two\nlines",,\nplain,"",end';
    expect(await collect(csvRecords(linesOf(text)))).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['x, y', 'say "hi"', 'z'] },
      { line: 3, cells: ['two\nlines', '', ''] },
      { line: 5, cells: ['plain', '', 'end'] },
    ]);
  });

  it('names a record with text after a closing quote, and a quote never closed', async () => {
    expect(await collect(csvRecords(linesOf('"a"b,c\nok')))).toEqual([
      { line: 1, error: 'cell 1: text after a closing quote' },
      { line: 2, cells: ['ok'] },
    ]);
    expect(await collect(csvRecords(linesOf('a\n"open,\nstill')))).toEqual([
      { line: 1, cells: ['a'] },
      { line: 2, error: 'a quoted cell is never closed' },
    ]);
  });
});

describe('readFactsFile', () => {
  it('turns CSV rows into the JSON API items: empty cells left out, causes split on ";"', async () => {
    const csv =
      '\uFEFFid,service,title,causes,triggeredAt,resolvedAt\r\ni1,api,"Slow, then down",config; capacity,2025-03-01T10:00:00Z,2025-03-01T12:00:00Z\r\n\r\ni2,api,,,2025-03-02T10:00:00Z,\r\n';
    expect(await read('i.csv', csv, 'incidents')).toEqual([
      {
        line: 2,
        item: {
          id: 'i1',
          service: 'api',
          title: 'Slow, then down',
          causes: ['config', 'capacity'],
          triggeredAt: '2025-03-01T10:00:00Z',
          resolvedAt: '2025-03-01T12:00:00Z',
        },
      },
      { line: 4, item: { id: 'i2', service: 'api', triggeredAt: '2025-03-02T10:00:00Z' } },
    ]);
  });

  it('names the line and field of every bad line', async () => {
    const ndjson = [
      '{"service":"api","commit":"abc1234","timestamp":"2025-03-01T10:00:00Z"}',
      '',
      '{"service":"api","commit":"xyz","timestamp":"2025-03-01T10:00:00"}',
      '{"service":"api",',
      '[1]',
    ].join('\n');
    expect(await read('c.ndjson', ndjson, 'changes')).toEqual([
      { line: 1, item: { service: 'api', commit: 'abc1234', timestamp: '2025-03-01T10:00:00Z' } },
      { line: 3, error: 'commit: must be a commit id' },
      { line: 3, error: 'timestamp: must be an ISO 8601 time with a zone, like 2025-03-01T12:00:00Z' },
      { line: 4, error: expect.stringMatching(/^not JSON: /) },
      { line: 5, error: 'must be a JSON object' },
    ]);
    expect(await read('d.csv', 'id,service,colour\nd1,api,red\n', 'deployments')).toEqual([
      { line: 1, error: 'colour: unknown field (expected id, service, environment, commit, finishedAt)' },
    ]);
    expect(await read('d2.csv', 'id,service,finishedAt\nd1,api\n', 'deployments')).toEqual([
      { line: 2, error: 'has 2 cells; the header has 3' },
    ]);
    await expect(read('d.json', '[]', 'deployments')).rejects.toThrow('the file must end in .csv, .ndjson or .jsonl');
  });
});
