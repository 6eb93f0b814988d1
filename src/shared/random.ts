/** A deterministic pseudo-random source: the same seed and stream always give the same sequence. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** One item, uniformly; throws on an empty list (a bug in the caller). */
  pick<T>(items: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
  /** A shuffled copy (Fisher-Yates); the input is left alone. */
  shuffle<T>(items: readonly T[]): T[];
  /** `count` distinct items (all of them if fewer), in random order. */
  sample<T>(items: readonly T[], count: number): T[];
  /** An index chosen with probability proportional to its weight. */
  weightedIndex(weights: readonly number[]): number;
}

/** FNV-1a: turns a stream label into 32 bits. */
function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's finaliser, so that neighbouring seeds (42, 43) start far apart. */
function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/**
 * mulberry32 seeded from `seed` and a stream label. Each generator uses its own stream
 * (`createRandom(seed, 'adoption')`), so adding draws to one never shifts the output of another.
 */
export function createRandom(seed: number, stream = ''): Random {
  let state = mix((seed >>> 0) ^ hashLabel(stream));

  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));

  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(0, i);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  };

  return {
    next,
    int,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(0, items.length - 1)] as T;
    },
    chance: (p) => next() < p,
    shuffle,
    sample: (items, count) => shuffle(items).slice(0, Math.max(0, count)),
    weightedIndex(weights) {
      const total = weights.reduce((sum, w) => sum + Math.max(0, w), 0);
      if (total <= 0) throw new Error('weightedIndex needs a positive weight');
      let r = next() * total;
      let last = 0;
      for (let i = 0; i < weights.length; i++) {
        const w = Math.max(0, weights[i] ?? 0);
        if (w === 0) continue;
        last = i;
        r -= w;
        if (r < 0) return i;
      }
      return last; // only reached through floating-point rounding
    },
  };
}
