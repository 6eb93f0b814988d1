import fc from 'fast-check';

/**
 * Generated outside input for the property tests: strings that hold what breaks storage and parsers (NUL, lone
 * surrogates, long runs, YAML and JSON punctuation), and JSON values built from them.
 */
export const nastyString = fc.oneof(
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }).map((s) => `${s}\u0000${s}`) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '\u0000',
      'a\u0000b',
      '\ud800',
      '0000-01-01T00:00:00Z',
      '9999-12-31T23:59:59-05:00',
      '2025-03-01T12:00:00Z',
      '2025-03-01 12:00:00 UTC',
      'production',
      'refs/heads/main',
      'main',
      'incident',
      'cause: db',
      'sev1',
      'x'.repeat(3000),
      'é'.repeat(1500),
      '0123456789abcdef0123456789abcdef01234567',
      '',
    ),
  },
);

export const nastyNumber = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -1, 1e300, -1e300, Number.MAX_SAFE_INTEGER + 2),
);

/** What a body parses to: JSON.parse never makes a null-prototype object, NaN or -0. */
const asParsed = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

/** JSON values whose leaves are nasty strings and numbers. */
export const nastyJson: fc.Arbitrary<unknown> = fc
  .letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      nastyString,
      nastyNumber,
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(nastyString, tie('value'), { maxKeys: 4, noNullPrototype: true }),
    ),
  }))
  .value.map(asParsed);

type Json = unknown;

/** Every path to a value inside `value` (objects and arrays), the root included. */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function replaceAt(value: Json, path: (string | number)[], replacement: Json): Json {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, Json>;
  copy[head] = replaceAt(copy[head], rest, replacement);
  return copy;
}

/**
 * A valid document with one to three of its values (or the missing ones: any path may be dropped) replaced by
 * nasty values: the inputs that get past the first checks and reach the deep ones.
 */
export function mutated(valid: Json): fc.Arbitrary<Json> {
  const all = paths(valid);
  const mutation = fc.tuple(
    fc.integer({ min: 0, max: all.length - 1 }),
    fc.option(fc.oneof(nastyString, nastyJson), { freq: 6 }),
  );
  return fc
    .array(mutation, { minLength: 1, maxLength: 3 })
    .map((mutations) =>
      mutations.reduce(
        (doc, [index, replacement]) => replaceAt(doc, all[index] as (string | number)[], replacement ?? undefined),
        valid,
      ),
    );
}

/** Short, reproducible runs: the same inputs every time, so a failure names its seed and case. */
export const PROPERTY_RUNS = { numRuns: 200, seed: 20261203 } as const;
