import { resolvePeriod } from '../../lib/delivery-scope.js';
import { formatNumber } from '../../lib/format.js';

const DAY = 86_400_000;
/** The home page compares the last 90 days with the 90 days before them. */
export const HOME_DAYS = 90;

/** The last 90 days (to the end of today, UTC, as the Delivery page counts them) and the 90 days before. */
export function homePeriods(now = new Date()) {
  const current = resolvePeriod({ range: '90d' }, now);
  const start = Date.parse(current.from);
  return {
    current: { from: current.from, to: current.to },
    previous: { from: new Date(start - HOME_DAYS * DAY).toISOString(), to: current.from },
  };
}

export type Direction = 'up' | 'down' | 'flat' | 'none';

/** Which way a number moved; `none` when either end is unknown. */
export function direction(now: number | null, before: number | null): Direction {
  if (now === null || before === null) return 'none';
  return now > before ? 'up' : now < before ? 'down' : 'flat';
}

/** +12%, −3% (written as every share is), or null when there was nothing before to compare with. */
export function percentChange(now: number, before: number): string | null {
  if (before === 0) return null;
  const p = Math.round(((now - before) / before) * 100);
  return `${p > 0 ? '+' : p < 0 ? '−' : '±'}${formatNumber(Math.abs(p))}%`;
}
