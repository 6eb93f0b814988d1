import { describe, expect, it } from 'vitest';
import { measureSuggestions, type LabelledItem } from './measure.js';
import type { Suggestion } from './types.js';

const suggestion = (ids: number[]): Suggestion => ({
  items: ids.map((id) => ({ kind: 'pain', id })),
  teams: [],
  similarity: 0,
  reasons: [],
});

describe('measureSuggestions', () => {
  it('computes pairwise and B-cubed figures as defined', () => {
    // True problems: A = {1, 2, 3} (teams x, y, x), B = {4, 5} (teams x, y); 6 belongs to none.
    const items: LabelledItem[] = [
      { id: 1, team: 'x', problem: 'A' },
      { id: 2, team: 'y', problem: 'A' },
      { id: 3, team: 'x', problem: 'A' },
      { id: 4, team: 'x', problem: 'B' },
      { id: 5, team: 'y', problem: 'B' },
      { id: 6, team: 'z', problem: null },
    ];
    // Suggested: {1, 2, 6} and {4, 5}; 3 left alone.
    const q = measureSuggestions(items, [suggestion([1, 2, 6]), suggestion([4, 5])]);
    // Pairs placed together: 1-2, 1-6, 2-6, 4-5 = 4, of which right: 1-2, 4-5 = 2 → precision 2/4.
    // True pairs: 1-2, 1-3, 2-3, 4-5 = 4 → recall 2/4.
    expect(q.pairPrecision).toBeCloseTo(0.5, 10);
    expect(q.pairRecall).toBeCloseTo(0.5, 10);
    expect(q.pairF1).toBeCloseTo(0.5, 10);
    // B-cubed precision per item: 1: 2/3, 2: 2/3, 6: 1/3, 4: 1, 5: 1, 3: 1 (alone) → 14/3 / 6 = 7/9.
    // Recall per item: 1: 2/3, 2: 2/3, 3: 1/3, 4: 1, 5: 1, 6: 1 → 14/3 / 6 = 7/9.
    expect(q.bcubedPrecision).toBeCloseTo(7 / 9, 10);
    expect(q.bcubedRecall).toBeCloseTo(7 / 9, 10);
    expect(q.bcubedF1).toBeCloseTo(7 / 9, 10);
    // A: the suggestion {1, 2, 6} is 2/3 A with teams x and y → found; B: {4, 5} → found. Both findable.
    expect(q.problemsFound).toBe(2);
    expect(q.problems).toBe(2);
  });

  it('does not count a problem whose share of a suggestion is half or less, or from one team', () => {
    const items: LabelledItem[] = [
      { id: 1, team: 'x', problem: 'A' },
      { id: 2, team: 'y', problem: 'A' },
      { id: 3, team: 'x', problem: 'B' },
      { id: 4, team: 'x', problem: 'B' },
    ];
    // {1, 3}: A is half, not a majority. B's items are from team x only: not findable.
    const q = measureSuggestions(items, [suggestion([1, 3])]);
    expect(q.problemsFound).toBe(0);
    expect(q.problems).toBe(1);
  });
});
