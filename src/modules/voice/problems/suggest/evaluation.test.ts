// The engine against the hand-written evaluation set: the figures quoted in the README, with floors a little below
// them so that a change that makes suggestions worse fails here. bench/voice-suggest-quality.ts prints the figures
// of every candidate method.
import { describe, expect, it } from 'vitest';
import { half, loadParaphrasedFeedback } from '../../../../../test/fixtures/voice/paraphrased-feedback.js';
import { measureSuggestions } from './measure.js';
import { suggestProblems } from './suggest-problems.js';

const set = loadParaphrasedFeedback();

describe('problem suggestions on the paraphrased evaluation set', () => {
  it('is the set the README describes: 200+ items, 25+ teams, 15+ problems, about a quarter of no problem', () => {
    const teams = new Set(set.items.flatMap((i) => (i.team === null ? [] : [i.team])));
    const problems = new Set(set.items.flatMap((i) => (i.problem === null ? [] : [i.problem])));
    const none = set.items.filter((i) => i.problem === null).length;
    expect(set.items.length).toBeGreaterThanOrEqual(200);
    expect(teams.size).toBeGreaterThanOrEqual(25);
    expect(problems.size).toBeGreaterThanOrEqual(15);
    expect(none / set.items.length).toBeGreaterThan(0.2);
    expect(none / set.items.length).toBeLessThan(0.3);
    expect(new Set(set.items.map((i) => i.id)).size).toBe(set.items.length);
  });

  it('groups the whole set: pairwise F1 69.7 %, B-cubed F1 79.9 %, 20 of 22 problems found', () => {
    const q = measureSuggestions(set.items, suggestProblems(set.items));
    expect(q.pairF1).toBeGreaterThanOrEqual(0.66);
    expect(q.pairPrecision).toBeGreaterThanOrEqual(0.6);
    expect(q.pairRecall).toBeGreaterThanOrEqual(0.6);
    expect(q.bcubedF1).toBeGreaterThanOrEqual(0.77);
    expect(q.problems).toBe(22);
    expect(q.problemsFound).toBeGreaterThanOrEqual(19);
  });

  it('holds on the half the threshold was not tuned on: pairwise F1 64.4 %, B-cubed F1 81.2 %', () => {
    const test = half(set, 'test');
    const q = measureSuggestions(test, suggestProblems(test));
    expect(q.pairF1).toBeGreaterThanOrEqual(0.6);
    expect(q.bcubedF1).toBeGreaterThanOrEqual(0.78);
    expect(q.problemsFound).toBeGreaterThanOrEqual(12);
  });

  it('keeps flaky CI apart from slow CI and slow deploys (slow deploys do join slow CI: a known weakness)', () => {
    const byId = new Map(set.items.map((i) => [i.id, i]));
    const count = (labels: (string | null | undefined)[], label: string) => labels.filter((l) => l === label).length;
    for (const s of suggestProblems(set.items)) {
      const labels = s.items.map((i) => byId.get(i.id)?.problem);
      if (count(labels, 'flaky-ci') < 2) continue;
      expect(count(labels, 'slow-ci') + count(labels, 'slow-deploys'), s.reasons.join(' | ')).toBe(0);
    }
  });
});
