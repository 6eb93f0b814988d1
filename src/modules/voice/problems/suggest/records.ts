// An item made ready for grouping: its unit vector and, for each feature, the words its author used.
import type { SuggestConfig } from './config.js';
import { itemFeatures, type Feature } from './features.js';
import type { SuggestItem } from './types.js';
import { itemVector, type ItemVector, type Vocabulary } from './vectors.js';
import { splitWords, STOPWORDS } from './words.js';

export interface ItemRecord {
  readonly item: SuggestItem;
  readonly vector: ItemVector;
  /** Surface words for each of `vector.ids`, same order. */
  readonly surfaces: readonly string[];
}

/** Pre-trained word vectors (e.g. GloVe), looked up by lower-case word. */
export interface WordVectors {
  readonly dimensions: number;
  vector(word: string): ArrayLike<number> | undefined;
  /** The share of an item's squared length given to the word-vector part (0-1). */
  readonly share: number;
}

export const featuresOf = (item: SuggestItem, config: SuggestConfig): Map<string, Feature> =>
  itemFeatures(item.title, item.body, {
    lexicon: config.lexicon,
    pairs: config.pairs,
    combos: config.combos,
    titleWeight: config.titleWeight,
  });

function denseOf(item: SuggestItem, words: WordVectors): Float64Array {
  const sum = new Float64Array(words.dimensions);
  for (const w of splitWords(`${item.title} ${item.body ?? ''}`)) {
    if (STOPWORDS.has(w.norm)) continue;
    const v = words.vector(w.norm);
    if (v) for (let k = 0; k < sum.length; k++) sum[k] = (sum[k] as number) + (v[k] as number);
  }
  return sum;
}

/** Builds an item's record; `idf` is 1 everywhere for fixed weights. */
export function toRecord(
  item: SuggestItem,
  config: SuggestConfig,
  vocabulary: Vocabulary,
  idf: (key: string) => number = () => 1,
  words: WordVectors | null = null,
  features: Map<string, Feature> = featuresOf(item, config),
): ItemRecord {
  const dense = words ? denseOf(item, words) : null;
  const vector = itemVector(features, vocabulary, config.weights, idf, dense, words?.share ?? 0);
  const surfaceById = new Map<number, string>();
  for (const [key, f] of features) {
    const id = vocabulary.find(key);
    if (id !== undefined) surfaceById.set(id, f.surface);
  }
  return { item, vector, surfaces: Array.from(vector.ids, (id) => surfaceById.get(id) ?? '') };
}
