// Groups items one at a time in id order: an item joins the group it is closest to, or starts its own. Closeness
// is the linkage: by default the cosine between the item and the group's summed direction (centroid), or the
// average similarity to the group's items; both come from the group's sum of unit vectors, never from its pairs.
// When an item joins, the groups it is also near are checked, and merged when close enough: the new item can be
// the bridge between "CI is slow" and "builds take ages". Ids decide the order, so the result does not depend on
// the order items are given in, and adding items with higher ids continues exactly where a full run would be.
import type { ItemVector } from './vectors.js';

interface Cluster {
  readonly key: number;
  /** Bumped on every change, so a caller can keep what it derived from an unchanged cluster. */
  version: number;
  firstId: number;
  members: number[];
  readonly sum: Map<number, number>;
  /** |sum|², kept up to date as weights are added. */
  norm2: number;
  dense: Float64Array | null;
}

/** average: mean similarity to the cluster's items; centroid: cosine with the cluster's summed direction. */
export type Linkage = 'average' | 'centroid';

/** The clusters holding one feature, with the feature's weight summed over each cluster's items (arrays: fast to scan). */
interface Posting {
  readonly keys: number[];
  readonly sums: number[];
  readonly at: Map<number, number>;
}

export class OnlineGrouping {
  private readonly clusters = new Map<number, Cluster>();
  private readonly postings = new Map<number, Posting>();
  private readonly withDense = new Set<number>();
  private nextKey = 0;
  /** Scratch space for scoring: dot product by cluster key, whether touched, and the keys touched in order. */
  private scratch = new Float64Array(1024);
  private seen = new Uint8Array(1024);
  private readonly touched: number[] = [];

  constructor(
    private readonly threshold: number,
    private readonly mergeReach: number,
    private readonly linkage: Linkage = 'average',
  ) {}

  /** How close an item (or cluster, by its sum) is to a cluster, given their dot product. */
  private closeness(dot: number, c: Cluster, otherSize: number, otherNorm2: number): number {
    if (this.linkage === 'average') return dot / (c.members.length * otherSize);
    return dot / Math.sqrt(c.norm2 * otherNorm2);
  }

  add(id: number, v: ItemVector): void {
    const scores = this.score(v);
    let best: Cluster | null = null;
    let bestAvg = 0;
    for (const [key, sum] of scores) {
      const c = this.clusters.get(key) as Cluster;
      const avg = this.closeness(sum, c, 1, 1);
      if (best === null || avg > bestAvg || (avg === bestAvg && c.firstId < best.firstId)) {
        best = c;
        bestAvg = avg;
      }
    }
    if (best === null || bestAvg < this.threshold) {
      const key = this.nextKey++;
      const c: Cluster = { key, version: 0, firstId: id, members: [], sum: new Map(), norm2: 0, dense: null };
      this.clusters.set(key, c);
      this.join(c, id, v);
      return;
    }
    const joined = best;
    const near: Cluster[] = [];
    for (const [key, sum] of scores) {
      const c = this.clusters.get(key) as Cluster;
      if (c !== joined && this.closeness(sum, c, 1, 1) >= this.threshold * this.mergeReach) near.push(c);
    }
    this.join(joined, id, v);
    this.mergeNear(joined, near);
  }

  /** Every group of two items or more, each as its item ids, ascending. */
  groups(): number[][] {
    return this.clusterViews().map((c) => [...c.members].sort((a, b) => a - b));
  }

  /** The groups of two items or more as they stand (members in the order they joined), with their versions. */
  clusterViews(): { readonly key: number; readonly version: number; readonly members: readonly number[] }[] {
    return [...this.clusters.values()].filter((c) => c.members.length > 1);
  }

  /** The dot product of v with every cluster sharing a feature (or a dense part) with it. */
  private score(v: ItemVector): Map<number, number> {
    if (this.scratch.length < this.nextKey) {
      // Every entry is back to zero between calls, so new arrays need no copy.
      this.scratch = new Float64Array(Math.max(this.nextKey, this.scratch.length * 2));
      this.seen = new Uint8Array(this.scratch.length);
    }
    const acc = this.scratch;
    const seen = this.seen;
    const touched = this.touched;
    for (let i = 0; i < v.ids.length; i++) {
      const posting = this.postings.get(v.ids[i] as number);
      if (!posting) continue;
      const w = v.weights[i] as number;
      const { keys, sums } = posting;
      for (let j = 0; j < keys.length; j++) {
        const key = keys[j] as number;
        if (seen[key] === 0) {
          seen[key] = 1;
          touched.push(key);
        }
        acc[key] = (acc[key] as number) + w * (sums[j] as number);
      }
    }
    if (v.dense) {
      for (const key of this.withDense) {
        const dense = (this.clusters.get(key) as Cluster).dense as Float64Array;
        let d = 0;
        for (let k = 0; k < dense.length; k++) d += (dense[k] as number) * (v.dense[k] as number);
        if (seen[key] === 0) {
          seen[key] = 1;
          touched.push(key);
        }
        acc[key] = (acc[key] as number) + d;
      }
    }
    // Keys in the order first touched, which depends only on the items seen so far: deterministic.
    const scores = new Map<number, number>();
    for (const key of touched) {
      scores.set(key, acc[key] as number);
      acc[key] = 0;
      seen[key] = 0;
    }
    touched.length = 0;
    return scores;
  }

  private join(c: Cluster, id: number, v: ItemVector): void {
    c.members.push(id);
    c.version++;
    for (let i = 0; i < v.ids.length; i++) this.addWeight(c, v.ids[i] as number, v.weights[i] as number);
    if (v.dense) {
      c.dense ??= new Float64Array(v.dense.length);
      for (let k = 0; k < v.dense.length; k++) {
        const before = c.dense[k] as number;
        const w = v.dense[k] as number;
        c.norm2 += 2 * before * w + w * w;
        c.dense[k] = before + w;
      }
      this.withDense.add(c.key);
    }
  }

  private addWeight(c: Cluster, feature: number, w: number): void {
    const before = c.sum.get(feature) ?? 0;
    c.norm2 += 2 * before * w + w * w;
    c.sum.set(feature, before + w);
    let posting = this.postings.get(feature);
    if (!posting) this.postings.set(feature, (posting = { keys: [], sums: [], at: new Map() }));
    const at = posting.at.get(c.key);
    if (at === undefined) {
      posting.at.set(c.key, posting.keys.length);
      posting.keys.push(c.key);
      posting.sums.push(w);
    } else posting.sums[at] = (posting.sums[at] as number) + w;
  }

  /** Takes a cluster out of a feature's posting (the last entry moves into its place). */
  private removeFromPosting(feature: number, key: number): void {
    const posting = this.postings.get(feature) as Posting;
    const at = posting.at.get(key) as number;
    const lastKey = posting.keys.pop() as number;
    const lastSum = posting.sums.pop() as number;
    posting.at.delete(key);
    if (lastKey !== key) {
      posting.keys[at] = lastKey;
      posting.sums[at] = lastSum;
      posting.at.set(lastKey, at);
    }
  }

  /** How close two clusters are, by the linkage. */
  private link(a: Cluster, b: Cluster): number {
    const [small, large] = a.sum.size <= b.sum.size ? [a.sum, b.sum] : [b.sum, a.sum];
    let d = 0;
    for (const [feature, w] of small) d += w * (large.get(feature) ?? 0);
    if (a.dense && b.dense)
      for (let k = 0; k < a.dense.length; k++) d += (a.dense[k] as number) * (b.dense[k] as number);
    return this.closeness(d, a, b.members.length, b.norm2);
  }

  private mergeNear(into: Cluster, near: Cluster[]): void {
    let open = near;
    for (;;) {
      let best: Cluster | null = null;
      let bestLink = 0;
      for (const c of open) {
        const l = this.link(into, c);
        if (l >= this.threshold && (best === null || l > bestLink || (l === bestLink && c.firstId < best.firstId))) {
          best = c;
          bestLink = l;
        }
      }
      if (best === null) return;
      this.absorb(into, best);
      open = open.filter((c) => c !== best);
    }
  }

  private absorb(into: Cluster, from: Cluster): void {
    for (const [feature, w] of from.sum) {
      this.removeFromPosting(feature, from.key);
      this.addWeight(into, feature, w);
    }
    if (from.dense) {
      into.dense ??= new Float64Array(from.dense.length);
      for (let k = 0; k < from.dense.length; k++) {
        const before = into.dense[k] as number;
        const w = from.dense[k] as number;
        into.norm2 += 2 * before * w + w * w;
        into.dense[k] = before + w;
      }
      this.withDense.add(into.key);
      this.withDense.delete(from.key);
    }
    into.members = into.members.concat(from.members);
    into.version++;
    into.firstId = Math.min(into.firstId, from.firstId);
    this.clusters.delete(from.key);
  }
}
