import { AppError } from '../../http/errors.js';

/** Opaque keyset cursor: the last row's (name, id). */
export function encodeCursor(row: { name: string; id: number }): string {
  return Buffer.from(JSON.stringify([row.name, row.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): { name: string; id: number } | undefined {
  if (!cursor) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'string' && Number.isInteger(value[1])) {
      return { name: value[0], id: value[1] as number };
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('VALIDATION_FAILED', 'cursor: not a cursor this API returned', [
    { field: 'cursor', reason: 'not a cursor this API returned' },
  ]);
}
