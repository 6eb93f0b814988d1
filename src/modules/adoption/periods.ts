export type Interval = 'week' | 'month';

/** Start of the UTC week (Monday) or month containing t. */
export function periodStart(t: Date, interval: Interval): Date {
  if (interval === 'month') return new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), 1));
  const day = (t.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate() - day));
}

export function nextPeriod(start: Date, interval: Interval): Date {
  if (interval === 'month') return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  return new Date(start.getTime() + 7 * 86_400_000);
}

/** Periods covering [from, to): each includes its start and excludes its end, the last one cut at `to`. */
export function periods(from: Date, to: Date, interval: Interval): { start: Date; end: Date }[] {
  const out: { start: Date; end: Date }[] = [];
  for (let start = periodStart(from, interval); start < to; start = nextPeriod(start, interval)) {
    const end = nextPeriod(start, interval);
    out.push({ start, end: end < to ? end : to });
  }
  return out;
}
