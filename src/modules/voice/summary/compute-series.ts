import { median } from '../../../shared/median.js';
import { periods } from '../../adoption/periods.js';
import type { BugFacts } from './compute-bugs.js';
import type { SupportFacts } from './compute-support.js';

const HOUR = 3_600_000;

export interface WeekPoint {
  /** The week's Monday (UTC); the first and last weeks are cut at from and to. */
  week: string;
  bugsReported: number;
  bugsFixed: number;
  supportOpened: number;
  supportResolved: number;
  /** Requests open at the week's end (or at asOf, for the week holding it). */
  queue: number;
  /** Median first response − opened, hours, over the week's opened requests answered by asOf. */
  medianHoursToFirstResponse: number | null;
  /** Of the week's opened requests, those without a first response at asOf. */
  unanswered: number;
}

/** Weekly counts of bugs and support requests over [from, to), as known at asOf. */
export function computeSeries(
  bugs: BugFacts[],
  support: SupportFacts[],
  from: Date,
  to: Date,
  asOf: Date,
): WeekPoint[] {
  const known = (t: Date | null): t is Date => t !== null && t <= asOf;
  return periods(from, to, 'week').map(({ start, end }) => {
    const lo = start < from ? from : start;
    const within = (t: Date | null): t is Date => known(t) && t >= lo && t < end;
    const opened = support.filter((r) => within(r.openedAt));
    const answered = opened.filter((r) => known(r.firstResponseAt));
    const at = end < asOf ? end : asOf;
    return {
      week: start.toISOString().slice(0, 10),
      bugsReported: bugs.filter((b) => within(b.reportedAt)).length,
      bugsFixed: bugs.filter((b) => within(b.fixedAt)).length,
      supportOpened: opened.length,
      supportResolved: support.filter((r) => within(r.resolvedAt)).length,
      queue: support.filter((r) => r.openedAt < at && !(r.resolvedAt !== null && r.resolvedAt < at)).length,
      medianHoursToFirstResponse: median(
        answered.map((r) => ((r.firstResponseAt as Date).getTime() - r.openedAt.getTime()) / HOUR),
      ),
      unanswered: opened.length - answered.length,
    };
  });
}
