import { describe, expect, it } from 'vitest';
import { byRice, riceOf } from './rice.js';

describe('RICE', () => {
  it('is reach × impact × confidence (a fraction of 100 %) / effort, written out', () => {
    // 4 × 2 × 0.8 / 2 = 3.2
    expect(riceOf(4, { impact: 2, confidence: 80, effort: 2 })).toEqual({
      rice: 3.2,
      arithmetic: 'reach 4 × impact 2 × 80 % / 2 person-weeks = 3.2',
      missing: [],
    });
    // 3 × 0.25 × 0.5 / 1 = 0.375 → 0.38 (2 decimals)
    expect(riceOf(3, { impact: 0.25, confidence: 50, effort: 1 }).rice).toBe(0.38);
    // 1 × 3 × 1 / 0.5 = 6
    expect(riceOf(1, { impact: 3, confidence: 100, effort: 0.5 }).arithmetic).toBe(
      'reach 1 × impact 3 × 100 % / 0.5 person-weeks = 6',
    );
    // No reach, no RICE: 0 × 3 × 1 / 1 = 0
    expect(riceOf(0, { impact: 3, confidence: 100, effort: 1 }).rice).toBe(0);
  });

  it('says what is missing instead of a number', () => {
    expect(riceOf(2, { impact: null, confidence: null, effort: null })).toEqual({
      rice: null,
      arithmetic: 'reach 2; impact, confidence and effort not set',
      missing: ['impact', 'confidence', 'effort'],
    });
    expect(riceOf(1, { impact: 1, confidence: null, effort: null }).arithmetic).toBe(
      'reach 1; confidence and effort not set',
    );
    expect(riceOf(1, { impact: 1, confidence: 20, effort: null }).missing).toEqual(['effort']);
  });

  it('ranks by RICE, then reach, then problems before requests, then id; rows without RICE last', () => {
    const rows = [
      { kind: 'request', id: 1, reach: 1, rice: null },
      { kind: 'request', id: 2, reach: 3, rice: 1.5 },
      { kind: 'problem', id: 3, reach: 1, rice: null },
      { kind: 'request', id: 4, reach: 2, rice: 1.5 },
      { kind: 'problem', id: 5, reach: 4, rice: 6 },
      { kind: 'request', id: 6, reach: 2, rice: null },
      { kind: 'problem', id: 7, reach: 2, rice: 1.5 },
    ];
    expect(rows.sort(byRice).map((r) => `${r.kind} ${r.id}`)).toEqual([
      'problem 5',
      'request 2',
      'problem 7',
      'request 4',
      'request 6',
      'problem 3',
      'request 1',
    ]);
  });
});
