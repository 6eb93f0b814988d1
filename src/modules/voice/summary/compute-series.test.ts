import { describe, expect, it } from 'vitest';
import { computeSeries } from './compute-series.js';

const at = (s: string) => new Date(`2025-${s}:00Z`);

describe('weekly series', () => {
  it('counts each week and the queue at its end', () => {
    // Weeks from Monday 3 March and Monday 10 March 2025, known at 1 April.
    const support = [
      {
        platformTeam: 'p',
        category: 'c',
        openedAt: at('03-03T09:00'),
        firstResponseAt: at('03-03T11:00'),
        resolvedAt: at('03-04T00:00'),
      },
      {
        platformTeam: 'p',
        category: 'c',
        openedAt: at('03-05T00:00'),
        firstResponseAt: at('03-05T06:00'),
        resolvedAt: at('03-11T00:00'),
      },
      { platformTeam: 'p', category: 'c', openedAt: at('03-07T00:00'), firstResponseAt: null, resolvedAt: null },
      {
        platformTeam: 'p',
        category: 'c',
        openedAt: at('03-12T00:00'),
        firstResponseAt: at('03-12T01:00'),
        resolvedAt: null,
      },
      { platformTeam: 'p', category: 'c', openedAt: at('02-20T00:00'), firstResponseAt: null, resolvedAt: null },
    ];
    const bugs = [
      { capability: 'x', sla: null, reportedAt: at('03-04T00:00'), acknowledgedAt: null, fixedAt: at('03-11T00:00') },
      { capability: 'x', sla: null, reportedAt: at('02-01T00:00'), acknowledgedAt: null, fixedAt: at('03-05T00:00') },
    ];
    const weeks = computeSeries(bugs, support, at('03-03T00:00'), at('03-17T00:00'), at('04-01T00:00'));
    expect(weeks).toEqual([
      // Opened 3, 5, 7 Mar; resolved 4 Mar; queue at 10 Mar: 5 Mar, 7 Mar, 20 Feb = 3; responses 2 h, 6 h → 4.
      {
        week: '2025-03-03',
        bugsReported: 1,
        bugsFixed: 1,
        supportOpened: 3,
        supportResolved: 1,
        queue: 3,
        medianHoursToFirstResponse: 4,
        unanswered: 1,
      },
      // Opened 12 Mar; resolved 11 Mar; queue at 17 Mar: 7 Mar, 12 Mar, 20 Feb = 3; response 1 h.
      {
        week: '2025-03-10',
        bugsReported: 0,
        bugsFixed: 1,
        supportOpened: 1,
        supportResolved: 1,
        queue: 3,
        medianHoursToFirstResponse: 1,
        unanswered: 0,
      },
    ]);
  });
});
