import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../../shared/random.js';
import { loadParaphrasedFeedback } from '../../../../../test/fixtures/voice/paraphrased-feedback.js';
import { buildSuggestIndex } from './suggest-index.js';
import { suggestProblems } from './suggest-problems.js';
import type { SuggestItem } from './types.js';

const items: SuggestItem[] = loadParaphrasedFeedback().items.map(({ kind, id, team, title, body }) => ({
  kind,
  id,
  team,
  title,
  body,
}));

const item = (id: number, team: string | null, title: string, body?: string): SuggestItem => ({
  kind: 'pain',
  id,
  team,
  title,
  body,
});

describe('suggestProblems', () => {
  it('explains a pair by hand: "CI is slow" and "builds take forever"', () => {
    const [s, ...rest] = suggestProblems([item(1, 'x', 'CI is slow'), item(2, 'y', 'builds take forever')]);
    expect(rest).toEqual([]);
    // Title words count twice (tf = 1 + ln 2 for each); the lexicon turns "CI"/"builds" into one concept (ci) and
    // "slow"/"forever" into another (slow), each weighing 1.5; "take" is a plain word (1).
    // Item 1 ∝ (ci 1.5, slow 1.5); item 2 ∝ (ci 1.5, take 1, slow 1.5).
    // cos = (1.5² + 1.5²) / (√(2 · 1.5²) · √(2 · 1.5² + 1)) = 4.5 / (2.1213 · 2.3452) = 0.9045.
    expect(s?.similarity).toBe(0.905);
    expect(s?.teams).toEqual(['x', 'y']);
    expect(s?.items).toEqual([
      { kind: 'pain', id: 1 },
      { kind: 'pain', id: 2 },
    ]);
    // Both concepts add the same to the pair; the tie goes to the name (ci before slow); spellings alphabetically.
    expect(s?.reasons).toEqual(['builds / ci', 'forever / slow']);
  });

  it('gives the same suggestions whatever the order of the input', () => {
    const expected = suggestProblems(items);
    expect(expected.length).toBeGreaterThan(10);
    for (const seed of [1, 2, 3])
      expect(suggestProblems(createRandom(seed, 'shuffle').shuffle(items))).toEqual(expected);
  });

  it('gives reasons in the words of the items: every reason appears in the text of its group', () => {
    const byId = new Map(items.map((i) => [i.id, i]));
    for (const s of suggestProblems(items)) {
      expect(s.reasons.length).toBeGreaterThan(0);
      const texts = s.items.map(({ id }) => {
        const i = byId.get(id) as SuggestItem;
        return `${i.title} ${i.body ?? ''}`.toLowerCase();
      });
      for (const reason of s.reasons) {
        for (const words of reason.split(' / ')) {
          // Each spelling is written, as whole words, by at least one item of the group.
          const pattern = new RegExp(
            `(^|[^\\p{L}\\p{N}])${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`,
            'u',
          );
          expect(
            texts.some((t) => pattern.test(t)),
            `"${words}" in ${s.reasons.join(' | ')}`,
          ).toBe(true);
        }
      }
    }
  });

  it('never suggests a group from one team; items of no team join but do not count', () => {
    const same = 'the CI pipeline takes forever';
    expect(suggestProblems([item(1, 'x', same), item(2, 'x', same), item(3, 'x', same)])).toEqual([]);
    expect(suggestProblems([item(1, 'x', same), item(2, null, same)])).toEqual([]);
    const [s] = suggestProblems([item(1, 'x', same), item(2, null, same), item(3, 'y', same)]);
    expect(s?.items.map((i) => i.id)).toEqual([1, 2, 3]);
    expect(s?.teams).toEqual(['x', 'y']);
    for (const suggestion of suggestProblems(items)) expect(suggestion.teams.length).toBeGreaterThanOrEqual(2);
  });

  it('asks for more teams when told: minTeams', () => {
    const all = suggestProblems(items);
    const wide = suggestProblems(items, { minTeams: 5 });
    expect(wide.length).toBeGreaterThan(0);
    expect(wide).toEqual(all.filter((s) => s.teams.length >= 5));
  });

  it('does not suggest a dismissed group again, nor a part of one; a group that grew past it comes back', () => {
    const all = suggestProblems(items);
    const first = all[0]?.items.map((i) => i.id) as number[];
    expect(suggestProblems(items, { dismissed: [first] })).toEqual(all.slice(1));
    // Dismissing a wider set (the group plus an unrelated item) drops it too: the group is inside it.
    expect(suggestProblems(items, { dismissed: [[...first, 9999]] })).toEqual(all.slice(1));
    // A dismissed set that is only part of the group does not hide the group: it has more evidence now.
    expect(suggestProblems(items, { dismissed: [first.slice(1)] })).toEqual(all);
  });

  it('refuses an id twice: the caller has one row per item', () => {
    expect(() => suggestProblems([item(1, 'x', 'slow CI'), item(1, 'y', 'slow CI')])).toThrow(/item 1/);
  });
});

describe('buildSuggestIndex', () => {
  const sorted = [...items].sort((a, b) => a.id - b.id);
  const fromScratch = suggestProblems(items);

  it('gives the same groups built at once or from new items added in batches', () => {
    const index = buildSuggestIndex(sorted.slice(0, 120));
    for (let from = 120; from < sorted.length; from += 35) {
      index.add(sorted.slice(from, from + 35));
      index.suggestions(); // asking between batches keeps explanations of unchanged groups; that must not matter
    }
    expect(index.size).toBe(items.length);
    expect(index.suggestions()).toEqual(fromScratch);
  });

  it('gives the same groups when added items have lower ids than known ones (it rebuilds)', () => {
    const odd = sorted.filter((i) => i.id % 2 === 1);
    const even = sorted.filter((i) => i.id % 2 === 0);
    const index = buildSuggestIndex(odd);
    index.add(even);
    expect(index.suggestions()).toEqual(fromScratch);
  });

  it('refuses an item it already holds', () => {
    const index = buildSuggestIndex(sorted.slice(0, 10));
    expect(() => index.add([sorted[3] as SuggestItem])).toThrow(/already/);
    expect(index.size).toBe(10);
  });
});
