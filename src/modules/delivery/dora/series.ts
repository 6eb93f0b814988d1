import type { Db } from '../../../db/schema/index.js';
import { assertPeriodCount, MAX_PERIODS } from '../../../http/periods.js';
import { computeDora } from './compute-dora.js';
import type { DoraSeries } from '../contract.js';
import * as repo from './repo.js';
import { DEFAULT_DORA_SETTINGS, mustPrecede, parseScope, totalsOf, type PeriodQuery } from './service.js';

export type Interval = 'week' | 'month';

export const MAX_POINTS = MAX_PERIODS;
const DAY = 86_400_000;

/** The start of the calendar week (Monday 00:00 UTC) or month (the 1st, 00:00 UTC) that contains `t`. */
export function periodStart(t: Date, interval: Interval): Date {
  if (interval === 'month') return new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), 1));
  const midnight = Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate());
  const sinceMonday = (new Date(midnight).getUTCDay() + 6) % 7;
  return new Date(midnight - sinceMonday * DAY);
}

/** The period start `n` periods after the period start `t` (before it when `n` is negative). */
export function addPeriods(t: Date, interval: Interval, n: number): Date {
  return interval === 'month'
    ? new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + n, 1))
    : new Date(t.getTime() + n * 7 * DAY);
}

/**
 * The starts of the periods of [from, to): `from` rounded down to its period start; by default 12 periods, the last
 * one holding the last instant before `to` (so a `to` on a boundary adds no empty point).
 */
export function periodStarts(interval: Interval, to: Date, from?: Date): Date[] {
  const first = from
    ? periodStart(from, interval)
    : addPeriods(periodStart(new Date(to.getTime() - 1), interval), interval, -11);
  assertPeriodCount(first, to, interval);
  const starts: Date[] = [];
  for (let start = first; start < to; start = addPeriods(start, interval, 1)) starts.push(start);
  return starts;
}

/** DORA metrics per calendar week or month, every point from one pass over the facts of the whole range. */
export async function doraSeries(
  db: Db,
  query: PeriodQuery & { interval: Interval },
  settings = DEFAULT_DORA_SETTINGS,
  now = new Date(),
): Promise<DoraSeries> {
  const { interval } = query;
  const to = query.to ? new Date(query.to) : now;
  if (query.from) mustPrecede(new Date(query.from), to);
  const starts = periodStarts(interval, to, query.from ? new Date(query.from) : undefined);
  const from = starts[0] as Date;
  const rows = await repo.doraTotals(
    db,
    {
      serviceIds: await repo.serviceIdsInScope(db, parseScope(query.scope)),
      from,
      to,
      production: settings.production,
    },
    interval,
  );
  const byStart = new Map(rows.map((row) => [new Date(row.bucket).getTime(), row]));
  const points = starts.map((start, i) => {
    const end = starts[i + 1] ?? to;
    return {
      start: start.toISOString(),
      end: end.toISOString(),
      ...computeDora(totalsOf(byStart.get(start.getTime())), start, end),
    };
  });
  return { scope: query.scope, interval, from: from.toISOString(), to: to.toISOString(), points };
}
