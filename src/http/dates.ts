import { z } from '@hono/zod-openapi';

/**
 * The years a date input may name. PostgreSQL has no year 0 (PGlite refuses it, a server reads it as 1 BC), and no
 * fact Paved counts predates 1900; past 9999 ISO 8601 needs a sign.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 9999;
export const YEAR_REASON = `must be in the years ${MIN_YEAR} to ${MAX_YEAR}`;

/** In the years MIN_YEAR..MAX_YEAR, read in UTC (a zone may move the last hours of 9999 into 10000: refused). */
export function inYearRange(value: Date): boolean {
  const year = value.getUTCFullYear();
  return Number.isFinite(value.getTime()) && year >= MIN_YEAR && year <= MAX_YEAR;
}

const ZONED_REASON = 'must be an ISO 8601 time with a zone, like 2025-03-01T12:00:00Z';
const DATE_REASON = 'must be a date (2025-03-01) or a time with a zone (2025-03-01T12:00:00Z)';

/** A date-time with its zone (`2025-03-01T12:00:00Z`, `…+01:00`), kept as sent. */
export const zonedTime = z.iso
  .datetime({ offset: true, error: ZONED_REASON })
  .refine((value) => inYearRange(new Date(value)), YEAR_REASON);

/** A calendar date, `2025-03-01`, kept as sent. */
export const calendarDate = z.iso
  .date({ error: 'must be a date like 2025-03-01' })
  .refine((value) => inYearRange(new Date(`${value}T00:00:00Z`)), YEAR_REASON);

/** A date (`2025-03-01`, midnight UTC) or a date-time with its zone, as a Date. */
export const dateOrTime = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], { error: DATE_REASON })
  .transform((value) => new Date(value.length === 10 ? `${value}T00:00:00Z` : value))
  .refine(inYearRange, YEAR_REASON);
