// How well suggestions match known problems, over an evaluation set whose items carry their true problem.
import type { Suggestion } from './types.js';

export interface LabelledItem {
  readonly id: number;
  readonly team: string | null;
  /** The underlying problem, or null for an item of no problem. */
  readonly problem: string | null;
}

export interface Quality {
  /** Over pairs of items: placed together and truly together / placed together. */
  readonly pairPrecision: number;
  /** Over pairs of items: placed together and truly together / truly together. */
  readonly pairRecall: number;
  readonly pairF1: number;
  /** B-cubed (Bagga & Baldwin): per item, the overlap of its suggested and true groups, averaged. */
  readonly bcubedPrecision: number;
  readonly bcubedRecall: number;
  readonly bcubedF1: number;
  /**
   * Problems found: a suggestion whose majority is the problem and holds its items from two teams or more; out of
   * the problems that could be found (two items or more from two teams or more in the measured set).
   */
  readonly problemsFound: number;
  readonly problems: number;
}

const f1 = (p: number, r: number): number => (p + r > 0 ? (2 * p * r) / (p + r) : 0);

export function measureSuggestions(items: readonly LabelledItem[], suggestions: readonly Suggestion[]): Quality {
  const byId = new Map(items.map((item) => [item.id, item]));
  const groupOf = new Map<number, number[]>();
  for (const s of suggestions) {
    const ids = s.items.map((i) => i.id);
    for (const id of ids) groupOf.set(id, ids);
  }
  const truth = new Map<string, number[]>();
  for (const item of items)
    if (item.problem !== null) truth.set(item.problem, [...(truth.get(item.problem) ?? []), item.id]);
  const trueGroup = (item: LabelledItem) => (item.problem === null ? [item.id] : (truth.get(item.problem) as number[]));
  const sameProblem = (a: number, b: number) => {
    const pa = byId.get(a)?.problem ?? null;
    return pa !== null && pa === (byId.get(b)?.problem ?? null);
  };

  let placed = 0;
  let placedRight = 0;
  for (const s of suggestions) {
    const ids = s.items.map((i) => i.id);
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) {
        placed++;
        if (sameProblem(ids[i] as number, ids[j] as number)) placedRight++;
      }
  }
  let truePairs = 0;
  for (const ids of truth.values()) truePairs += (ids.length * (ids.length - 1)) / 2;

  let bp = 0;
  let br = 0;
  for (const item of items) {
    const predicted = groupOf.get(item.id) ?? [item.id];
    const actual = new Set(trueGroup(item));
    const overlap = predicted.filter((id) => actual.has(id)).length;
    bp += overlap / predicted.length;
    br += overlap / actual.size;
  }
  const found = new Set<string>();
  for (const s of suggestions) {
    const counts = new Map<string, { items: number; teams: Set<string> }>();
    for (const { id } of s.items) {
      const item = byId.get(id);
      if (!item || item.problem === null) continue;
      const c = counts.get(item.problem) ?? { items: 0, teams: new Set<string>() };
      c.items++;
      if (item.team !== null) c.teams.add(item.team);
      counts.set(item.problem, c);
    }
    for (const [problem, c] of counts) if (c.items * 2 > s.items.length && c.teams.size >= 2) found.add(problem);
  }
  const pairPrecision = placed > 0 ? placedRight / placed : 0;
  const pairRecall = truePairs > 0 ? placedRight / truePairs : 0;
  const bcubedPrecision = bp / items.length;
  const bcubedRecall = br / items.length;
  return {
    pairPrecision,
    pairRecall,
    pairF1: f1(pairPrecision, pairRecall),
    bcubedPrecision,
    bcubedRecall,
    bcubedF1: f1(bcubedPrecision, bcubedRecall),
    problemsFound: found.size,
    problems: [...truth.values()].filter((ids) => new Set(ids.flatMap((id) => byId.get(id)?.team ?? [])).size >= 2)
      .length,
  };
}
