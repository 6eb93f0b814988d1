import { z } from '@hono/zod-openapi';

/** PostgreSQL text and jsonb cannot hold U+0000, which valid JSON (`\u0000`) and YAML (`"\0"`) can carry. */
export const NUL_REASON = 'must not contain NUL characters';

export const hasNul = (value: string): boolean => value.includes('\u0000');

/** Text quoting outside input (an error naming a field), with each NUL written as `\0` so it can be stored. */
export const printable = (value: string): string => value.replaceAll('\u0000', '\\0');

/**
 * Text the database can store, bounded: the one rule every string input follows (names, descriptions, notes,
 * annotations, query filters). `min` 1 refuses an empty string; `base` carries a contract's own type message.
 */
export function safeText(max: number, min = 0, base: z.ZodString = z.string()) {
  const bounded = base.max(max, `must be at most ${max} characters`);
  return (
    min > 0 ? bounded.min(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`) : bounded
  ).refine((value) => !hasNul(value), NUL_REASON);
}

/**
 * The first place in a parsed document (a YAML or JSON value) where a key or a string holds NUL, as a field path
 * (`metadata.annotations.a`, `spec.detect[0].files`); null when there is none.
 */
export function findNul(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return hasNul(value) ? path || '(value)' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], `${path}[${i}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      const field = path ? `${path}.${printable(key)}` : printable(key);
      if (hasNul(key)) return field;
      const found = findNul(item, field);
      if (found !== null) return found;
    }
  }
  return null;
}
