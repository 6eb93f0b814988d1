// The incremental form: build once from every item, add new ones as they arrive, ask for suggestions at any time.
// Items are grouped in id order, so adding items with ids above all known ones continues the very run a build
// from scratch would make: the same input gives the same groups either way. An item with a lower id (rare: ids
// come from one sequence) makes the index rebuild itself, which costs what a build from scratch costs.
import { DEFAULT_CONFIG, type SuggestConfig } from './config.js';
import { OnlineGrouping } from './group-online.js';
import { toRecord, type ItemRecord, type WordVectors } from './records.js';
import { explained, pickSuggestions, type Explained } from './suggestions.js';
import type { SuggestItem, Suggestion, SuggestOptions } from './types.js';
import { Vocabulary } from './vectors.js';

export interface SuggestIndex {
  readonly size: number;
  add(items: readonly SuggestItem[]): void;
  suggestions(options?: SuggestOptions): Suggestion[];
}

class Index implements SuggestIndex {
  private vocabulary = new Vocabulary();
  private records = new Map<number, ItemRecord>();
  private grouping: OnlineGrouping;
  private maxId = -Infinity;
  /** Each group's explanation, by cluster key, kept while the cluster's version is unchanged. */
  private explainedGroups = new Map<number, { version: number; group: Explained }>();

  constructor(
    private readonly config: SuggestConfig,
    private readonly words: WordVectors | null,
  ) {
    this.grouping = new OnlineGrouping(config.threshold, config.mergeReach, config.linkage);
  }

  get size(): number {
    return this.records.size;
  }

  add(items: readonly SuggestItem[]): void {
    const fresh = [...items].sort((a, b) => a.id - b.id);
    for (let i = 0; i < fresh.length; i++) {
      const id = (fresh[i] as SuggestItem).id;
      // The caller holds one row per id; a repeat is a bug there, not something to guess about here.
      if (this.records.has(id) || (i > 0 && (fresh[i - 1] as SuggestItem).id === id)) {
        throw new Error(`item ${id} is already in the suggestion index`);
      }
    }
    const first = fresh[0];
    if (first === undefined) return;
    if (first.id <= this.maxId) {
      const all = [...[...this.records.values()].map((r) => r.item), ...fresh].sort((a, b) => a.id - b.id);
      this.vocabulary = new Vocabulary();
      this.records = new Map();
      this.grouping = new OnlineGrouping(this.config.threshold, this.config.mergeReach, this.config.linkage);
      this.explainedGroups = new Map();
      this.maxId = -Infinity;
      this.append(all);
    } else this.append(fresh);
  }

  suggestions(options: SuggestOptions = {}): Suggestion[] {
    const fresh = new Map<number, { version: number; group: Explained }>();
    for (const c of this.grouping.clusterViews()) {
      const known = this.explainedGroups.get(c.key);
      const group =
        known && known.version === c.version
          ? known.group
          : explained(
              [...c.members].sort((a, b) => a - b),
              this.records,
              this.vocabulary,
            );
      fresh.set(c.key, { version: c.version, group });
    }
    this.explainedGroups = fresh;
    return pickSuggestions(
      [...fresh.values()].map((e) => e.group),
      options,
    );
  }

  private append(sorted: readonly SuggestItem[]): void {
    for (const item of sorted) {
      const record = toRecord(item, this.config, this.vocabulary, undefined, this.words);
      this.records.set(item.id, record);
      this.grouping.add(item.id, record.vector);
      this.maxId = item.id;
    }
  }
}

/** An index of every item, ready for suggestions and for new items. */
export function buildSuggestIndex(
  items: readonly SuggestItem[],
  config: SuggestConfig = DEFAULT_CONFIG,
  words: WordVectors | null = null,
): SuggestIndex {
  const index = new Index(config, words);
  index.add(items);
  return index;
}
