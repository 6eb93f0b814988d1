import { describe, expect, it } from 'vitest';
import { computeDeflection, type CategoryRequest } from './compute-deflection.js';

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const times = (team: string, ...dates: string[]): CategoryRequest[] =>
  dates.map((d) => ({ category: 'access', team, openedAt: day(d) }));

// Self-service access went GA on 1 July 2024; 3 customer teams asked for access by hand before and after.
const REQUESTS = [
  ...times('a', '2024-01-05', '2024-02-10', '2024-04-01', '2024-06-30'), // 4 before
  ...times('b', '2024-03-03', '2024-05-05', '2024-06-01'), // 3 before
  ...times('c', '2024-01-01', '2024-02-02', '2024-03-03', '2024-04-04', '2024-05-05'), // 5 before
  ...times('a', '2024-07-01'), // 1 after (GA day is after)
  ...times('b', '2024-09-09', '2024-12-31'), // 2 after
  ...times('c', '2023-12-31', '2025-01-01'), // outside both windows
  { category: 'deploy', team: 'a', openedAt: day('2024-03-01') }, // another category
];
const LINK = { category: 'access', capability: 'self-access', gaDate: day('2024-07-01') };

describe('deflection (DOMAIN.md)', () => {
  it('compares requests per customer team per month in the 6 months before GA and after', () => {
    const [d] = computeDeflection([LINK], REQUESTS, 3, day('2025-04-01'));
    expect(d).toEqual({
      category: 'access',
      capability: 'self-access',
      gaDate: '2024-07-01',
      requestsBefore: 12, // 4 + 3 + 5 in [1 Jan 2024, 1 Jul 2024)
      requestsAfter: 3, // 1 + 2 + 0 in [1 Jul 2024, 1 Jan 2025)
      afterMonths: 6,
      teams: 3,
      before: 12 / 18, // 12 / (3 teams × 6 months)
      after: 3 / 18,
      ratio: 0.25, // (3 / 18) / (12 / 18)
      byTeam: [
        { team: 'a', before: 4 / 6, after: 1 / 6 },
        { team: 'b', before: 3 / 6, after: 2 / 6 },
        { team: 'c', before: 5 / 6, after: 0 },
      ],
    });
  });

  it('measures the months after GA that have passed when fewer than 6, and nothing before GA', () => {
    // asOf 1 Sep 2024: two whole months after GA (July, August): 1 request (a, 1 Jul) → 1 / (3 × 2).
    const [partial] = computeDeflection([LINK], REQUESTS, 3, day('2024-09-01'));
    expect(partial).toMatchObject({ afterMonths: 2, requestsAfter: 1, after: 1 / 6, ratio: 1 / 6 / (12 / 18) });
    const [future] = computeDeflection([LINK], REQUESTS, 3, day('2024-06-01'));
    expect(future).toMatchObject({ before: null, after: null, ratio: null });
    const [noGa] = computeDeflection([{ ...LINK, gaDate: null }], REQUESTS, 3, day('2025-04-01'));
    expect(noGa).toMatchObject({ gaDate: null, before: null, ratio: null });
  });
});
