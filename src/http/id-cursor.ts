import { AppError } from './errors.js';

/** An opaque cursor for lists paged by a numeric id, newest first. */
export const encodeIdCursor = (id: number) => Buffer.from(String(id)).toString('base64url');

/** The id behind a cursor this API returned; a 400 naming `cursor` for anything else. */
export function decodeIdCursor(cursor: string | undefined): number | undefined {
  if (!cursor) return undefined;
  const id = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!Number.isSafeInteger(id) || id <= 0)
    throw new AppError('VALIDATION_FAILED', 'cursor: not a cursor this API returned', [
      { field: 'cursor', reason: 'not a cursor this API returned' },
    ]);
  return id;
}
