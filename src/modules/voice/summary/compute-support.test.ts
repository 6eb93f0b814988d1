import { describe, expect, it } from 'vitest';
import { computeSupportSummary, type SupportFacts } from './compute-support.js';

const at = (s: string) => new Date(`2025-${s}:00Z`);
const req = (
  platformTeam: string,
  category: string,
  opened: string,
  response: string | null,
  resolved: string | null,
): SupportFacts => ({
  platformTeam,
  category,
  openedAt: at(opened),
  firstResponseAt: response ? at(response) : null,
  resolvedAt: resolved ? at(resolved) : null,
});

// March 2025 (31 days), known at 1 April.
const REQUESTS = [
  req('plat-a', 'access', '03-03T09:00', '03-03T10:00', '03-03T15:00'), // S1 response 1 h, resolve 6 h
  req('plat-a', 'access', '03-04T00:00', '03-04T04:00', '03-05T00:00'), // S2 4 h, 24 h
  req('plat-a', 'deploy', '03-10T00:00', '03-10T02:00', '03-12T00:00'), // S3 2 h, 48 h
  req('plat-b', 'deploy', '03-12T00:00', '03-12T08:00', '03-13T00:00'), // S4 8 h, 24 h
  req('plat-b', 'access', '03-20T00:00', '03-20T03:00', null), // S5 3 h, unresolved
  req('plat-b', 'deploy', '03-28T00:00', null, null), // S6 unanswered, unresolved
  req('plat-a', 'access', '02-20T00:00', '02-20T05:00', '03-02T00:00'), // S7 opened before March
];

describe('support figures (DOMAIN.md)', () => {
  const s = computeSupportSummary(REQUESTS, at('03-01T00:00'), at('04-01T00:00'), at('04-01T00:00'));

  it('gives medians over requests opened in the period, with the unresolved reported', () => {
    expect(s).toMatchObject({
      n: 6, // S1-S6
      perWeek: 6 / (31 / 7), // 42 / 31
      medianHoursToFirstResponse: 3, // 1 2 3 4 8
      unanswered: 1, // S6
      medianHoursToResolve: 24, // 6 24 24 48 → (24 + 24) / 2
      unresolved: 2, // S5 S6
      open: 2, // the queue at 1 April: S5 S6
    });
  });

  it('gives them per platform team and per category', () => {
    expect(s.byPlatformTeam).toEqual([
      // S1 S2 S3: responses 1 4 2 → 2; resolves 6 24 48 → 24
      {
        platformTeam: 'plat-a',
        n: 3,
        perWeek: 21 / 31,
        medianHoursToFirstResponse: 2,
        unanswered: 0,
        medianHoursToResolve: 24,
        unresolved: 0,
        open: 0,
      },
      // S4 S5 S6: responses 8 3 → 5.5; resolve 24
      {
        platformTeam: 'plat-b',
        n: 3,
        perWeek: 21 / 31,
        medianHoursToFirstResponse: 5.5,
        unanswered: 1,
        medianHoursToResolve: 24,
        unresolved: 2,
        open: 2,
      },
    ]);
    // access: S1 S2 S5 → responses 1 4 3 → 3, resolves 6 24 → 15; deploy: S3 S4 S6 → 2 8 → 5, 48 24 → 36
    expect(s.byCategory.map((c) => [c.category, c.medianHoursToFirstResponse, c.medianHoursToResolve, c.open])).toEqual(
      [
        ['access', 3, 15, 1],
        ['deploy', 5, 36, 1],
      ],
    );
  });

  it('counts the queue at an earlier asOf from what had happened by then', () => {
    // At 12 March 12:00: S3 (resolved 12 Mar 00:00) is closed, S4 (opened 12 Mar 00:00) open → queue 1.
    const early = computeSupportSummary(REQUESTS, at('03-01T00:00'), at('04-01T00:00'), at('03-12T12:00'));
    expect(early.open).toBe(1);
    // Opened by then: S1-S4; S4 was answered at 08:00 but is not resolved yet.
    expect(early).toMatchObject({ n: 4, unanswered: 0, unresolved: 1, medianHoursToFirstResponse: 3 });
    // responses 1 4 2 8 → (2 + 4) / 2 = 3
  });
});
