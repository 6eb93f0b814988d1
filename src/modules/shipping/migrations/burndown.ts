import type { BurndownPoint } from './contract.js';

const DAY = 86_400_000;
export const dayOf = (t: Date) => t.toISOString().slice(0, 10);
const dayStart = (d: string) => Date.parse(`${d}T00:00:00Z`);
const daysBetween = (from: string, to: string) => Math.round((dayStart(to) - dayStart(from)) / DAY);

/**
 * The burn-down of a migration: services still matching at the end of each week from the release's day to the
 * deadline or today, whichever is later (the last point is that day), remaining(t) = affected − migrated by t;
 * days after today have no count. The ideal line goes straight from the affected services at the release to 0 at
 * the deadline (none without one).
 */
export function burndown(input: {
  releasedAt: Date;
  deadline: string | null;
  today: string;
  /** Each affected service's migration time, null while it still matches. */
  migratedAt: (Date | null)[];
}): BurndownPoint[] {
  const start = dayOf(input.releasedAt);
  const end = [input.deadline ?? input.today, input.today].sort().at(-1) as string;
  const days: string[] = [];
  for (let t = dayStart(start); t < dayStart(end); t += 7 * DAY) days.push(dayOf(new Date(t)));
  if (days.at(-1) !== end && end >= start) days.push(end);
  if (days.length === 0) days.push(start);
  const affected = input.migratedAt.length;
  const span = input.deadline === null ? null : daysBetween(start, input.deadline);
  return days.map((date) => {
    const endOfDay = dayStart(date) + DAY;
    const migrated = input.migratedAt.filter((m) => m !== null && m.getTime() < endOfDay).length;
    const ideal = span === null ? null : span <= 0 ? 0 : Math.max(0, affected * (1 - daysBetween(start, date) / span));
    return {
      date,
      remaining: date > input.today ? null : affected - migrated,
      ideal: ideal === null ? null : Math.round(ideal * 100) / 100,
    };
  });
}

/** Half the time from the release to the deadline has gone by today (teams none of whose services moved are at risk). */
export function pastHalfway(releasedAt: Date, deadline: string | null, today: string): boolean {
  if (deadline === null) return false;
  const start = dayOf(releasedAt);
  return daysBetween(start, today) * 2 >= daysBetween(start, deadline);
}
