/** A span of use: from its first signal to when it churned (null: still in use). */
export interface UseInterval {
  start: Date;
  end: Date | null;
}

export const DAY_MS = 86_400_000;
/** DOMAIN.md: a service churns when no usage event arrived in the last 30 days. */
export const EVENT_WINDOW_MS = 30 * DAY_MS;

/** Usage events keep a service in use until 30 days after the last one. */
export function eventInterval(first: Date, last: Date, now: Date): UseInterval {
  const end = new Date(last.getTime() + EVENT_WINDOW_MS);
  return { start: first, end: end > now ? null : end };
}

/** A repository match lasts from the adoption commit until a scan no longer finds it. */
export function detectionInterval(adoptedAt: Date, unmatchedSince: Date | null): UseInterval {
  return { start: adoptedAt, end: unmatchedSince };
}

/** "We use this" opens an interval, "we stopped" closes it; in date order. */
export function declarationIntervals(declarations: { status: 'using' | 'stopped'; at: Date }[]): UseInterval[] {
  const out: UseInterval[] = [];
  let open: Date | null = null;
  for (const d of [...declarations].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    if (d.status === 'using' && open === null) open = d.at;
    if (d.status === 'stopped' && open !== null) {
      out.push({ start: open, end: d.at });
      open = null;
    }
  }
  if (open !== null) out.push({ start: open, end: null });
  return out;
}

/**
 * One adoption from many signals: it starts at the earliest signal; it has churned only when every
 * signal has ended, at the latest end.
 */
export function combine(intervals: UseInterval[]): UseInterval | null {
  if (intervals.length === 0) return null;
  const start = new Date(Math.min(...intervals.map((i) => i.start.getTime())));
  const ended = intervals.every((i) => i.end !== null);
  const end = ended ? new Date(Math.max(...intervals.map((i) => (i.end as Date).getTime()))) : null;
  return { start, end };
}

/** In use at instant t: begun before t and not churned by t. */
export function inUseAt(interval: UseInterval, t: Date): boolean {
  return interval.start < t && (interval.end === null || interval.end > t);
}
