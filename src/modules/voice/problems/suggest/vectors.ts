// Unit-length item vectors: a sparse part over feature ids and, optionally, a dense part from word vectors.
// With unit vectors, the average cosine between two groups is the dot product of their sums divided by
// both sizes, which is what lets groups be compared without visiting every pair.
import type { Feature, FeatureKind } from './features.js';

export class Vocabulary {
  private readonly ids = new Map<string, number>();
  readonly keys: string[] = [];

  id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
    }
    return id;
  }

  find(key: string): number | undefined {
    return this.ids.get(key);
  }
}

export interface ItemVector {
  /** Feature ids, ascending, and their weights. */
  readonly ids: Int32Array;
  readonly weights: Float64Array;
  readonly dense: Float64Array | null;
}

export interface Weights {
  readonly word: number;
  readonly weak: number;
  readonly pair: number;
  readonly concept: number;
  readonly combo: number;
}

export const kindWeight = (weights: Weights, kind: FeatureKind): number => weights[kind];

/** Sublinear term frequency: a word said three times is not three times the evidence. */
export const tfWeight = (count: number): number => (count >= 1 ? 1 + Math.log(count) : count);

/**
 * The unit vector of weighted features; `idf` scales each feature (1 when weights are fixed). The dense part,
 * when given, takes the share `denseShare` of the squared length, so cosines mix as a weighted average.
 */
export function itemVector(
  features: ReadonlyMap<string, Feature>,
  vocabulary: Vocabulary,
  weights: Weights,
  idf: (key: string) => number,
  dense: Float64Array | null = null,
  denseShare = 0,
): ItemVector {
  const entries: [number, number][] = [];
  for (const [key, f] of features) {
    const w = tfWeight(f.count) * kindWeight(weights, f.kind) * idf(key);
    if (w > 0) entries.push([vocabulary.id(key), w]);
  }
  entries.sort((a, b) => a[0] - b[0]);
  const norm = Math.sqrt(entries.reduce((s, [, w]) => s + w * w, 0));
  const denseNorm = dense ? Math.sqrt(dense.reduce((s, x) => s + x * x, 0)) : 0;
  const useDense = dense !== null && denseNorm > 0 && denseShare > 0;
  const sparseScale = norm > 0 ? (useDense ? Math.sqrt(1 - denseShare) : 1) / norm : 0;
  const denseScale = useDense ? Math.sqrt(norm > 0 ? denseShare : 1) / denseNorm : 0;
  return {
    ids: Int32Array.from(entries, ([id]) => id),
    weights: Float64Array.from(entries, ([, w]) => w * sparseScale),
    dense: useDense && dense ? dense.map((x) => x * denseScale) : null,
  };
}

/** Cosine of two unit vectors. */
export function dot(a: ItemVector, b: ItemVector): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] as number;
    const y = b.ids[j] as number;
    if (x === y) sum += (a.weights[i++] as number) * (b.weights[j++] as number);
    else if (x < y) i++;
    else j++;
  }
  if (a.dense && b.dense)
    for (let k = 0; k < a.dense.length; k++) sum += (a.dense[k] as number) * (b.dense[k] as number);
  return sum;
}
