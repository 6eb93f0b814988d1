// Agglomerative clustering with average linkage over every pair: the reference the online grouping is measured
// against. Quadratic memory and cubic time, so it is for the evaluation set, not for an organisation's backlog.
import { dot, type ItemVector } from './vectors.js';

/** Groups of two items or more (item ids ascending), merging while the best average similarity reaches threshold. */
export function averageLinkage(ids: readonly number[], vectors: readonly ItemVector[], threshold: number): number[][] {
  const n = ids.length;
  if (n > 5000) throw new Error(`averageLinkage is for evaluation sets; ${n} items is too many`);
  const link = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s = dot(vectors[i] as ItemVector, vectors[j] as ItemVector);
      link[i * n + j] = s;
      link[j * n + i] = s;
    }
  }
  const members: (number[] | null)[] = ids.map((id) => [id]);
  const firstId = [...ids];
  for (;;) {
    let a = -1;
    let b = -1;
    let best = -Infinity;
    for (let i = 0; i < n; i++) {
      if (!members[i]) continue;
      for (let j = i + 1; j < n; j++) {
        if (!members[j]) continue;
        const l = link[i * n + j] as number;
        const earlier =
          l === best &&
          Math.min(firstId[i] as number, firstId[j] as number) < Math.min(firstId[a] as number, firstId[b] as number);
        if (l > best || earlier) {
          best = l;
          a = i;
          b = j;
        }
      }
    }
    if (a < 0 || best < threshold) break;
    const ma = members[a] as number[];
    const mb = members[b] as number[];
    // Lance-Williams: the average over the union's pairs is the size-weighted mean of the two averages.
    for (let k = 0; k < n; k++) {
      if (!members[k] || k === a || k === b) continue;
      const l =
        ((link[a * n + k] as number) * ma.length + (link[b * n + k] as number) * mb.length) / (ma.length + mb.length);
      link[a * n + k] = l;
      link[k * n + a] = l;
    }
    members[a] = ma.concat(mb);
    firstId[a] = Math.min(firstId[a] as number, firstId[b] as number);
    members[b] = null;
  }
  return members.filter((m): m is number[] => m !== null && m.length > 1).map((m) => [...m].sort((x, y) => x - y));
}
