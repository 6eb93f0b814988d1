import { describe, expect, it } from 'vitest';
import { computeAdoption, type TeamSignals } from './compute-adoption.js';
import { declarationIntervals, detectionInterval, eventInterval } from './intervals.js';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

function team(
  teamRef: string,
  services: Record<string, { start: string; end?: string }[]>,
  teamLevel: { start: string; end?: string }[] = [],
  aware = false,
): TeamSignals {
  const toUse = (u: { start: string; end?: string }) => ({ start: d(u.start), end: u.end ? d(u.end) : null });
  return {
    teamRef,
    services: new Map(Object.entries(services).map(([k, v]) => [k, v.map(toUse)])),
    teamLevel: teamLevel.map(toUse),
    aware,
  };
}

describe('computeAdoption', () => {
  // Five eligible teams a-e; GA 2025-01-01; a mandate for all teams from 2025-03-01 and one for team d from 2025-02-01.
  // a: service a1 from 2024-12-01 (before GA: 0 days), still in use → voluntary, active.
  // b: service b1 from 2025-01-11 and b2 from 2025-02-20 → adopts 2025-01-11 (10 days), voluntary.
  // c: service c1 from 2025-03-05, churned 2025-05-01 → mandated (all-teams mandate), churned.
  // d: team-level declaration from 2025-02-15 → mandated (its own mandate, effective 2025-02-01), 45 days.
  // e: never adopted, but viewed the page → aware only.
  // p: a platform team (not eligible) using it: ignored.
  const input = {
    gaDate: d('2025-01-01'),
    eligibleTeams: ['a', 'b', 'c', 'd', 'e'],
    signals: [
      team('a', { a1: [{ start: '2024-12-01' }] }),
      team('b', { b1: [{ start: '2025-01-11' }], b2: [{ start: '2025-02-20' }] }),
      team('c', { c1: [{ start: '2025-03-05', end: '2025-05-01' }] }),
      team('d', {}, [{ start: '2025-02-15' }]),
      team('e', {}, [], true),
      team('p', { p1: [{ start: '2024-01-01' }] }),
    ],
    mandates: [
      { scope: 'all' as const, teamRefs: [], effectiveFrom: d('2025-03-01') },
      { scope: 'teams' as const, teamRefs: ['d'], effectiveFrom: d('2025-02-01') },
    ],
    from: d('2025-01-01'),
    to: d('2025-07-01'),
    interval: 'month' as const,
  };

  it('computes the summary as of the end of the range', () => {
    const r = computeAdoption(input);
    // Adopting at 2025-07-01: a, b, d (c churned). Voluntary a, b; mandated d.
    // Days to adopt: a 0, b 10, d 45 → median 10.
    expect(r.summary).toEqual({
      eligibleTeams: 5,
      adoptingTeams: 3,
      voluntaryTeams: 2,
      mandatedTeams: 1,
      adoptionRate: 3 / 5,
      voluntaryShare: 2 / 3,
      medianDaysToAdopt: 10,
      churnedTeams: 1,
    });
    expect(r.teams.map((t) => [t.teamRef, t.kind, t.status, t.services])).toEqual([
      ['a', 'voluntary', 'active', 1],
      ['b', 'voluntary', 'active', 2],
      ['d', 'mandated', 'active', 0],
      ['c', 'mandated', 'churned', 1],
    ]);
  });

  it('counts teams in use at the end of each period', () => {
    const r = computeAdoption(input);
    // Counted at each period's (exclusive) end. End of Jan (Feb 1): a, b. Feb: a, b, d. Mar (Apr 1): + c.
    // Apr (May 1): c churned exactly on May 1, so a, b, d. May, Jun: a, b, d.
    expect(
      r.series.map((p) => [p.periodStart.slice(0, 10), p.adoptingTeams, p.voluntaryTeams, p.mandatedTeams]),
    ).toEqual([
      ['2025-01-01', 2, 2, 0],
      ['2025-02-01', 3, 2, 1],
      ['2025-03-01', 4, 2, 2],
      ['2025-04-01', 3, 2, 1],
      ['2025-05-01', 3, 2, 1],
      ['2025-06-01', 3, 2, 1],
    ]);
  });

  it('builds the funnel: aware ⊇ tried ⊇ active, retained 90 days after adopting', () => {
    const r = computeAdoption(input);
    // Aware: e (viewed) + the four that tried. Retained: a (Mar 1), b (Apr 11), d (May 16) still in use 90 days on;
    // c adopted Mar 5, 90 days on is Jun 3, churned May 1 → not retained.
    expect(r.funnel).toEqual({ eligible: 5, aware: 5, tried: 4, active: 3, retained: 3 });
  });

  it('reclassifies a later mandate only for adoptions on or after its date', () => {
    const later = { ...input, mandates: [{ scope: 'all' as const, teamRefs: [], effectiveFrom: d('2025-01-11') }] };
    const kinds = computeAdoption(later).teams.map((t) => [t.teamRef, t.kind]);
    expect(kinds).toEqual([
      ['a', 'voluntary'],
      ['b', 'mandated'],
      ['d', 'mandated'],
      ['c', 'mandated'],
    ]);
  });

  it('ignores signals after the as-of date and reports nothing when nobody is eligible', () => {
    const early = computeAdoption({ ...input, to: d('2025-01-05'), from: d('2025-01-01') });
    expect(early.summary.adoptingTeams).toBe(1);
    const none = computeAdoption({ ...input, eligibleTeams: [] });
    expect(none.summary).toMatchObject({
      eligibleTeams: 0,
      adoptionRate: null,
      voluntaryShare: null,
      medianDaysToAdopt: null,
    });
  });
});

describe('signal intervals', () => {
  it('keeps a service in use until 30 days after its last event', () => {
    expect(eventInterval(d('2025-01-01'), d('2025-02-01'), d('2025-06-01'))).toEqual({
      start: d('2025-01-01'),
      end: d('2025-03-03'),
    });
    expect(eventInterval(d('2025-01-01'), d('2025-05-20'), d('2025-06-01'))).toEqual({
      start: d('2025-01-01'),
      end: null,
    });
  });
  it('pairs declarations in date order', () => {
    const intervals = declarationIntervals([
      { status: 'stopped', at: d('2025-03-01') },
      { status: 'using', at: d('2025-01-01') },
      { status: 'using', at: d('2025-04-01') },
    ]);
    expect(intervals).toEqual([
      { start: d('2025-01-01'), end: d('2025-03-01') },
      { start: d('2025-04-01'), end: null },
    ]);
    expect(detectionInterval(d('2025-01-01'), null)).toEqual({ start: d('2025-01-01'), end: null });
  });
});
