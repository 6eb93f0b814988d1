import { median } from '../../../shared/median.js';

const HOUR = 3_600_000;
const WEEK = 7 * 86_400_000;

export interface SupportFacts {
  /** The platform team asked (name), or null when the request names none. */
  platformTeam: string | null;
  category: string | null;
  openedAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
}

export interface SupportFigures {
  /** Requests opened in the period: the sample of both medians. */
  n: number;
  /** n per week of the period (the period's length in days / 7). */
  perWeek: number;
  /** Median of first response − opened, in hours, over requests opened in the period answered by asOf. */
  medianHoursToFirstResponse: number | null;
  /** Requests opened in the period without a first response at asOf: reported, not dropped. */
  unanswered: number;
  /** Median of resolved − opened, in hours, over requests opened in the period resolved by asOf. */
  medianHoursToResolve: number | null;
  /** Requests opened in the period still unresolved at asOf. */
  unresolved: number;
  /** The queue: requests (opened whenever) open at asOf. */
  open: number;
}

const by = (t: Date | null, asOf: Date): t is Date => t !== null && t <= asOf;

/** Support figures (DOMAIN.md) for requests opened in [from, to), and the queue at asOf. */
export function computeSupportFigures(requests: SupportFacts[], from: Date, to: Date, asOf: Date): SupportFigures {
  const opened = requests.filter((r) => r.openedAt >= from && r.openedAt < to && r.openedAt <= asOf);
  const hours = (r: SupportFacts, at: Date) => (at.getTime() - r.openedAt.getTime()) / HOUR;
  const answered = opened.filter((r) => by(r.firstResponseAt, asOf));
  const resolved = opened.filter((r) => by(r.resolvedAt, asOf));
  const weeks = (to.getTime() - from.getTime()) / WEEK;
  return {
    n: opened.length,
    perWeek: weeks > 0 ? opened.length / weeks : 0,
    medianHoursToFirstResponse: median(answered.map((r) => hours(r, r.firstResponseAt as Date))),
    unanswered: opened.length - answered.length,
    medianHoursToResolve: median(resolved.map((r) => hours(r, r.resolvedAt as Date))),
    unresolved: opened.length - resolved.length,
    open: requests.filter((r) => r.openedAt <= asOf && !by(r.resolvedAt, asOf)).length,
  };
}

function groupBy(requests: SupportFacts[], key: (r: SupportFacts) => string | null) {
  const groups = new Map<string | null, SupportFacts[]>();
  for (const r of requests) {
    const group = groups.get(key(r));
    if (group) group.push(r);
    else groups.set(key(r), [r]);
  }
  // Named groups in name order, the unnamed one last.
  return [...groups.entries()].sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
}

/** The figures overall, per platform team and per category. */
export function computeSupportSummary(requests: SupportFacts[], from: Date, to: Date, asOf: Date) {
  return {
    ...computeSupportFigures(requests, from, to, asOf),
    byPlatformTeam: groupBy(requests, (r) => r.platformTeam).map(([platformTeam, list]) => ({
      platformTeam,
      ...computeSupportFigures(list, from, to, asOf),
    })),
    byCategory: groupBy(requests, (r) => r.category).map(([category, list]) => ({
      category,
      ...computeSupportFigures(list, from, to, asOf),
    })),
  };
}
