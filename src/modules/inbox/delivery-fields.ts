import { AppError } from '../../http/errors.js';

export const MAX_DELIVERY_FIELD = 200;
// Control characters (NUL among them, which PostgreSQL text cannot hold) and lone surrogates.
const UNPRINTABLE = /[\p{Cc}\p{Cs}]/u;

/**
 * A delivery id or event name from a sender, checked before the group-commit write: the signature does not cover
 * GitHub's headers, and one unstorable value would fail the statement that stores the deliveries around it.
 */
export function deliveryField(value: string, field: string): string {
  if (value.length > 0 && value.length <= MAX_DELIVERY_FIELD && !UNPRINTABLE.test(value)) return value;
  const reason = `must be 1 to ${MAX_DELIVERY_FIELD} printable characters`;
  throw new AppError('VALIDATION_FAILED', `${field}: ${reason}`, [{ field, reason }]);
}
