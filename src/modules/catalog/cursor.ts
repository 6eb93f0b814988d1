import { AppError } from '../../http/errors.js';
import { hasNul } from '../../http/safe-text.js';

/** Opaque keyset cursor: the last row's (name, id). */
export function encodeCursor(row: { name: string; id: number }): string {
  return Buffer.from(JSON.stringify([row.name, row.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): { name: string; id: number } | undefined {
  if (!cursor) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    // Checked as strictly as any input: a forged id past bigint, or a name no entity can have, is not a cursor.
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      value[0].length <= 63 &&
      !hasNul(value[0]) &&
      Number.isSafeInteger(value[1]) &&
      (value[1] as number) > 0
    ) {
      return { name: value[0], id: value[1] as number };
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('VALIDATION_FAILED', 'cursor: not a cursor this API returned', [
    { field: 'cursor', reason: 'not a cursor this API returned' },
  ]);
}
