import { describe, expect, it } from 'vitest';
import { computeBugFigures, computeBugSummary, type BugFacts } from './compute-bugs.js';

const at = (s: string) => new Date(`2025-${s}:00Z`);
const SEV1 = { acknowledgeHours: 4, fixHours: 24 };
const SEV2 = { acknowledgeHours: 24, fixHours: 120 };
const bug = (capability: string, sla: BugFacts['sla'], reported: string, ack: string | null, fixed: string | null) => ({
  capability,
  sla,
  reportedAt: at(reported),
  acknowledgedAt: ack ? at(ack) : null,
  fixedAt: fixed ? at(fixed) : null,
});

// March 2025, known at 1 April. Capability ci: severity 1 acknowledge 4 h / fix 24 h, severity 2 24 h / 120 h;
// capability db has no SLA for severity 3.
const BUGS: BugFacts[] = [
  bug('ci', SEV1, '03-02T10:00', '03-02T12:00', '03-03T08:00'), // B1 ack 2 h ✓, fix 22 h ✓
  bug('ci', SEV1, '03-05T00:00', '03-05T06:00', '03-05T20:00'), // B2 ack 6 h ✗, fix 20 h ✓
  bug('ci', SEV2, '03-10T00:00', '03-10T20:00', '03-14T00:00'), // B3 ack 20 h ✓, fix 96 h ✓
  bug('ci', SEV2, '03-20T00:00', '03-22T00:00', null), // B4 ack 48 h ✗, open, fix deadline 25 Mar passed ✗
  bug('ci', SEV1, '02-25T00:00', '02-25T01:00', '03-01T00:00'), // B5 reported before March, fixed in it: 96 h
  bug('ci', SEV2, '03-31T12:00', null, null), // B6 both deadlines after 1 April: not decided yet
  bug('db', null, '03-15T00:00', null, null), // B7 no SLA for its severity
];
const FROM = at('03-01T00:00');
const TO = at('04-01T00:00');

describe('bug figures (DOMAIN.md)', () => {
  it('computes the shares, time to fix and past SLA of a period by hand', () => {
    expect(computeBugFigures(BUGS, FROM, TO, TO)).toEqual({
      n: 6, // reported in March: B1 B2 B3 B4 B6 B7
      withoutSla: 1, // B7
      ackN: 4, // B1 B2 B3 acknowledged, B4 acknowledged; B6's deadline (1 Apr 12:00) is after asOf
      ackMet: 2, // B1 B3
      ackWithinSla: 0.5, // 2 / 4
      fixN: 4, // B1 B2 B3 fixed, B4's deadline (25 Mar) passed
      fixMet: 3, // B1 B2 B3
      fixWithinSla: 0.75, // 3 / 4
      fixedN: 4, // fixed in March: B1 B2 B3 B5
      medianHoursToFix: 59, // 20 22 96 96 → (22 + 96) / 2
      pastSla: 1, // B4
    });
  });

  it('knows only what had happened by asOf: an acknowledgement after it is a miss once the deadline passed', () => {
    // At 5 March 03:00 B2 (reported 00:00, deadline 04:00) is not yet acknowledged and not late: not counted.
    // Decided: B1 alone (acknowledged and fixed in time). Fixed in March by then: B5 (96 h), B1 (22 h) → 59.
    const early = computeBugFigures(BUGS, FROM, TO, at('03-05T03:00'));
    expect(early).toMatchObject({ n: 2, ackN: 1, ackMet: 1, fixN: 1, fixMet: 1, fixedN: 2, medianHoursToFix: 59 });
    // At 5 March 05:00 B2's acknowledge deadline (04:00) has passed and its acknowledgement (06:00) is not known.
    expect(computeBugFigures(BUGS, FROM, TO, at('03-05T05:00'))).toMatchObject({ ackN: 2, ackMet: 1 });
  });

  it('gives the figures per capability, and no share when nothing is decided', () => {
    const summary = computeBugSummary(BUGS, FROM, TO, TO);
    expect(summary.byCapability.map((c) => c.capability)).toEqual(['ci', 'db']);
    expect(summary.byCapability[0]).toMatchObject({ n: 5, withoutSla: 0, ackWithinSla: 0.5, fixWithinSla: 0.75 });
    expect(summary.byCapability[1]).toMatchObject({
      n: 1,
      withoutSla: 1,
      ackN: 0,
      ackWithinSla: null,
      fixWithinSla: null,
      medianHoursToFix: null,
      pastSla: 0,
    });
  });
});
