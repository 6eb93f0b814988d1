import { describe, expect, it } from 'vitest';
import { problemMeasures, unionReach, type MeasuredItem } from './measures.js';

const item = (over: Partial<MeasuredItem>): MeasuredItem => ({
  kind: 'pain',
  team: null,
  open: true,
  severity: null,
  hoursLostPerWeek: null,
  ...over,
});

describe('problem measures', () => {
  it('sums each reached team’s largest open pain, and takes the worst open severity', () => {
    const items = [
      item({ team: 'alpha', severity: 3, hoursLostPerWeek: 6 }),
      item({ team: 'alpha', severity: 2, hoursLostPerWeek: 10 }),
      item({ team: 'beta', severity: 1, hoursLostPerWeek: 20, open: false }),
      item({ team: 'gamma', severity: 4, hoursLostPerWeek: 4 }),
      item({ team: 'platform', severity: 3, hoursLostPerWeek: 5 }),
      item({ kind: 'bug', team: 'beta', severity: 4 }),
      item({ kind: 'request', team: 'gamma' }),
    ];
    // Reach teams (customer teams only): alpha, beta, gamma, and delta through a vote → 4.
    // Hours: alpha max(6, 10) = 10, beta's only pain is resolved (0), gamma 4, delta none; the platform team is
    // not reached: 10 + 4 = 14.
    // Severity: open items 3, 2, 4, 3, 4 → 2 (the resolved pain's 1 does not count).
    expect(problemMeasures(items, ['alpha', 'beta', 'gamma', 'delta'])).toEqual({
      reach: 4,
      hoursLostPerWeek: 14,
      severity: 2,
    });
  });

  it('has no severity without an open item that has one, and no hours without open pains', () => {
    expect(problemMeasures([item({ severity: 1, open: false, team: 'a', hoursLostPerWeek: 3 })], ['a'])).toEqual({
      reach: 1,
      hoursLostPerWeek: 0,
      severity: null,
    });
    expect(problemMeasures([], [])).toEqual({ reach: 0, hoursLostPerWeek: 0, severity: null });
  });

  it('counts a team reached by several targets once', () => {
    expect(unionReach([['b', 'a'], ['a', 'c'], []])).toEqual(['a', 'b', 'c']);
  });
});
