import type { Random } from './random.js';

/** Standard normal (Box-Muller). */
export function normal(rng: Random): number {
  const u = 1 - rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

/** Log-normal with the given median: durations are skewed, a few take much longer than most. */
export function logNormal(rng: Random, median: number, sigma: number): number {
  return median * Math.exp(sigma * normal(rng));
}

/** Poisson count (Knuth); the demo's rates are small, a few a day at most. */
export function poisson(rng: Random, mean: number): number {
  if (mean <= 0) return 0;
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = rng.next(); p > limit; p *= rng.next()) k++;
  return k;
}

/** Uniform in [min, max). */
export function uniform(rng: Random, min: number, max: number): number {
  return min + rng.next() * (max - min);
}
