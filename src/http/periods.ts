import { AppError } from './errors.js';

export type Interval = 'week' | 'month';

/**
 * The most periods one series answers: ten years of months, two years and a bit of weeks. Every per-period
 * endpoint computes each period, so an open range (`from=0001-01-01&to=9999-12-31&interval=week`) is refused
 * before any work rather than answered with half a million points.
 */
export const MAX_PERIODS = 120;

const WEEK_MS = 7 * 86_400_000;

/** How many calendar weeks (Monday, UTC) or months the range [from, to) touches, without listing them. */
export function countPeriods(from: Date, to: Date, interval: Interval): number {
  if (to <= from) return 0;
  if (interval === 'month') {
    const months = (d: Date) => d.getUTCFullYear() * 12 + d.getUTCMonth();
    return months(new Date(to.getTime() - 1)) - months(from) + 1;
  }
  const monday = (d: Date) => {
    const midnight = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    return midnight - ((new Date(midnight).getUTCDay() + 6) % 7) * 86_400_000;
  };
  return Math.round((monday(new Date(to.getTime() - 1)) - monday(from)) / WEEK_MS) + 1;
}

/** 400 naming `field` when [from, to) holds more than MAX_PERIODS periods, saying the maximum and what to do. */
export function assertPeriodCount(from: Date, to: Date, interval: Interval, field = 'from'): void {
  const count = countPeriods(from, to, interval);
  if (count <= MAX_PERIODS) return;
  const coarser = interval === 'week' ? ', or ask for interval=month' : '';
  const reason = `the range holds ${count} ${interval}s; at most ${MAX_PERIODS} per request: shorten it${coarser}`;
  throw new AppError('VALIDATION_FAILED', `${field}: ${reason}`, [{ field, reason }]);
}
