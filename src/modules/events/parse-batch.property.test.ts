import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mutated, nastyJson, nastyString, PROPERTY_RUNS } from '../../../test/arbitraries.js';
import { AppError } from '../../http/errors.js';
import { parseBatch } from './parse-batch.js';

// POST /events reads batches from any token holder with the events:write scope. Whatever the body, the parser
// either names each bad event by its index or refuses the whole body with a clear error; every event it accepts
// is one the database can store.

const EVENT = {
  id: 'e-1',
  capability: 'golden-ci',
  service: 'api',
  actor: 'jane',
  action: 'build',
  timestamp: '2025-03-01T12:00:00Z',
  count: 3,
};

const storable = (value: unknown): boolean =>
  typeof value === 'string'
    ? !value.includes('\u0000')
    : Array.isArray(value)
      ? value.every(storable)
      : value && typeof value === 'object'
        ? Object.values(value).every(storable)
        : true;

function expectParsed(body: string, format: 'json' | 'ndjson'): void {
  let parsed: ReturnType<typeof parseBatch>;
  try {
    parsed = parseBatch(body, format);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect([400, 413]).toContain((error as AppError).status);
    return;
  }
  const indexes = [...parsed.events.map((e) => e.index), ...parsed.rejected.map((r) => r.index)].sort((a, b) => a - b);
  expect(new Set(indexes).size).toBe(indexes.length);
  for (const { event } of parsed.events) {
    expect(storable(event)).toBe(true);
    const year = new Date(event.timestamp).getUTCFullYear();
    expect(year >= 1970 && year <= 9999).toBe(true);
  }
  for (const r of parsed.rejected) expect(r.error).toMatch(/\S/);
}

const batch = fc.array(fc.oneof(mutated(EVENT), nastyJson), { maxLength: 5 });

describe('event batches, with generated bodies', () => {
  it('JSON: each event accepted storable or rejected by index; a bad body refused as a whole', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          batch.map((b) => JSON.stringify(b)),
          nastyString,
        ),
        (body) => expectParsed(body, 'json'),
      ),
      PROPERTY_RUNS,
    );
  });

  it('NDJSON: the same, line by line', () => {
    const lines = fc.array(
      fc.oneof(
        mutated(EVENT).map((e) => JSON.stringify(e) ?? ''),
        nastyString,
      ),
      {
        maxLength: 5,
      },
    );
    fc.assert(
      fc.property(lines, (l) => expectParsed(l.join('\n'), 'ndjson')),
      PROPERTY_RUNS,
    );
  });
});
