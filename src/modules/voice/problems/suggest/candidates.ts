// The ways of grouping that were measured against each other (bench/voice-suggest-quality.ts). The product uses
// the index (fixed weights, online grouping); this adds what only a one-off run can do: weights taken from the
// whole corpus (inverse document frequency) and average linkage over every pair.
import { averageLinkage } from './average-linkage.js';
import type { SuggestConfig } from './config.js';
import { OnlineGrouping } from './group-online.js';
import { featuresOf, toRecord, type ItemRecord, type WordVectors } from './records.js';
import { toSuggestions } from './suggestions.js';
import type { SuggestItem, Suggestion, SuggestOptions } from './types.js';
import { Vocabulary } from './vectors.js';

export interface Candidate {
  readonly config: SuggestConfig;
  /** fixed: each kind of feature has one weight; corpus-idf: words rarer in the corpus weigh more. */
  readonly weighting: 'fixed' | 'corpus-idf';
  readonly grouping: 'online' | 'average-linkage';
  readonly words?: WordVectors | null;
}

export function suggestWith(items: readonly SuggestItem[], candidate: Candidate, options: SuggestOptions = {}) {
  const { config } = candidate;
  const sorted = [...items].sort((a, b) => a.id - b.id);
  const features = sorted.map((item) => featuresOf(item, config));
  const df = new Map<string, number>();
  for (const f of features) for (const key of f.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  const n = sorted.length;
  const idf =
    candidate.weighting === 'corpus-idf' ? (key: string) => Math.log((n + 1) / ((df.get(key) ?? 0) + 1)) + 1 : () => 1;
  const vocabulary = new Vocabulary();
  const records = new Map<number, ItemRecord>();
  sorted.forEach((item, i) =>
    records.set(item.id, toRecord(item, config, vocabulary, idf, candidate.words ?? null, features[i])),
  );
  let groups: number[][];
  if (candidate.grouping === 'average-linkage') {
    const ids = sorted.map((item) => item.id);
    groups = averageLinkage(
      ids,
      ids.map((id) => (records.get(id) as ItemRecord).vector),
      config.threshold,
    );
  } else {
    const online = new OnlineGrouping(config.threshold, config.mergeReach, config.linkage);
    for (const item of sorted) online.add(item.id, (records.get(item.id) as ItemRecord).vector);
    groups = online.groups();
  }
  return toSuggestions(groups, records, vocabulary, options) satisfies Suggestion[];
}
