import { median } from '../../../shared/median.js';

const HOUR = 3_600_000;

export interface BugFacts {
  capability: string;
  reportedAt: Date;
  acknowledgedAt: Date | null;
  fixedAt: Date | null;
  /** The capability's SLA for the bug's severity; null when it has none. */
  sla: { acknowledgeHours: number; fixHours: number } | null;
}

export interface BugFigures {
  /** Bugs reported in the period, with or without an SLA. */
  n: number;
  /** Of those, bugs whose capability has no SLA for their severity: left out of both shares. */
  withoutSla: number;
  /** ackMet / ackN; null when ackN is 0. */
  ackWithinSla: number | null;
  ackMet: number;
  /** Bugs reported in the period (with an SLA) acknowledged by asOf or whose acknowledge deadline passed. */
  ackN: number;
  fixWithinSla: number | null;
  fixMet: number;
  fixN: number;
  /** Median of fixed − reported, in hours, over bugs fixed in the period (reported whenever). */
  medianHoursToFix: number | null;
  /** Bugs fixed in the period: the median's sample. */
  fixedN: number;
  /** Bugs open at asOf (reported whenever) whose fix deadline has passed. */
  pastSla: number;
}

/** Within [from, to). */
const inPeriod = (t: Date | null, from: Date, to: Date): t is Date => t !== null && t >= from && t < to;

/**
 * One SLA share (DOMAIN.md): bugs acknowledged (fixed) within their time / bugs acknowledged (fixed) by asOf or whose
 * deadline has passed by asOf. What happened after asOf is not known yet: a bug acknowledged later counts as not
 * acknowledged at asOf.
 */
function share(bugs: BugFacts[], asOf: Date, at: (b: BugFacts) => Date | null, hours: (b: BugFacts) => number) {
  let met = 0;
  let n = 0;
  for (const b of bugs) {
    const done = at(b);
    const doneByAsOf = done !== null && done <= asOf;
    const deadline = b.reportedAt.getTime() + hours(b) * HOUR;
    if (!doneByAsOf && deadline >= asOf.getTime()) continue; // still within its time: not decided yet
    n++;
    if (doneByAsOf && done.getTime() <= deadline) met++;
  }
  return { value: n === 0 ? null : met / n, met, n };
}

/** The bug figures of [from, to) as known at asOf (`to`, or now when `to` is later). */
export function computeBugFigures(bugs: BugFacts[], from: Date, to: Date, asOf: Date): BugFigures {
  const reported = bugs.filter((b) => inPeriod(b.reportedAt, from, to) && b.reportedAt <= asOf);
  const withSla = reported.filter((b): b is BugFacts & { sla: NonNullable<BugFacts['sla']> } => b.sla !== null);
  const ack = share(
    withSla,
    asOf,
    (b) => b.acknowledgedAt,
    (b) => b.sla?.acknowledgeHours ?? 0,
  );
  const fix = share(
    withSla,
    asOf,
    (b) => b.fixedAt,
    (b) => b.sla?.fixHours ?? 0,
  );
  const fixed = bugs.filter((b) => inPeriod(b.fixedAt, from, to) && b.fixedAt <= asOf);
  const pastSla = bugs.filter(
    (b) =>
      b.sla !== null &&
      b.reportedAt <= asOf &&
      (b.fixedAt === null || b.fixedAt > asOf) &&
      b.reportedAt.getTime() + b.sla.fixHours * HOUR < asOf.getTime(),
  ).length;
  return {
    n: reported.length,
    withoutSla: reported.length - withSla.length,
    ackWithinSla: ack.value,
    ackMet: ack.met,
    ackN: ack.n,
    fixWithinSla: fix.value,
    fixMet: fix.met,
    fixN: fix.n,
    medianHoursToFix: median(fixed.map((b) => ((b.fixedAt as Date).getTime() - b.reportedAt.getTime()) / HOUR)),
    fixedN: fixed.length,
    pastSla,
  };
}

/** The figures overall and per capability (by name, in name order). */
export function computeBugSummary(bugs: BugFacts[], from: Date, to: Date, asOf: Date) {
  const byName = new Map<string, BugFacts[]>();
  for (const b of bugs) {
    const group = byName.get(b.capability);
    if (group) group.push(b);
    else byName.set(b.capability, [b]);
  }
  return {
    ...computeBugFigures(bugs, from, to, asOf),
    byCapability: [...byName.keys()]
      .sort()
      .map((capability) => ({ capability, ...computeBugFigures(byName.get(capability) ?? [], from, to, asOf) })),
  };
}
