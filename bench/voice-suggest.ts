/**
 * Problem suggestion benchmark (`npm run bench:voice-suggest`).
 *
 * Generates BENCH_ITEMS feedback items (default 100,000) from BENCH_TEAMS teams (2,000), varied from the
 * hand-written evaluation set (bench/voice-suggest-data.ts, seeded), then:
 *   1. builds the suggestion index from scratch and computes every suggestion;
 *   2. adds BENCH_NEW new items (100) and recomputes the suggestions, BENCH_ROUNDS times (5);
 *   3. builds from scratch again from all items and checks that it gives the same suggestions as the additions.
 * Aim: suggestions for 100 new items in under 2 s on 2 cores.
 */
import { cpus } from 'node:os';
import { buildSuggestIndex } from '../src/modules/voice/problems/suggest/suggest-index.js';
import type { SuggestItem } from '../src/modules/voice/problems/suggest/types.js';
import { generateFeedback } from './voice-suggest-data.js';

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

function timed<T>(work: () => T): { seconds: number; value: T } {
  const started = performance.now();
  const value = work();
  return { seconds: (performance.now() - started) / 1000, value };
}

const ITEMS = envInt('BENCH_ITEMS', 100_000);
const TEAMS = envInt('BENCH_TEAMS', 2_000);
const NEW = envInt('BENCH_NEW', 100);
const ROUNDS = envInt('BENCH_ROUNDS', 5);
const SEED = 42;

console.log(`voice suggestions: ${ITEMS} items from ${TEAMS} teams, ${NEW} new items × ${ROUNDS} rounds`);
console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), node ${process.version}`);

const items = generateFeedback(ITEMS, TEAMS, SEED);
const build = timed(() => buildSuggestIndex(items));
const index = build.value;
const first = timed(() => index.suggestions());
console.log(`from scratch: index ${build.seconds.toFixed(2)} s + suggestions ${first.seconds.toFixed(2)} s`);
console.log(
  `  ${first.value.length} suggestions; largest: ${first.value
    .slice(0, 3)
    .map((s) => `${s.items.length} items from ${s.teams.length} teams (${s.reasons.slice(0, 2).join('; ')})`)
    .join(', ')}`,
);

const added: SuggestItem[] = [];
const rounds: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const fresh = generateFeedback(NEW, TEAMS, SEED + round + 1, ITEMS + round * NEW + 1);
  added.push(...fresh);
  const step = timed(() => {
    index.add(fresh);
    return index.suggestions();
  });
  rounds.push(step.seconds);
  console.log(
    `add ${NEW} items + suggestions, round ${round + 1}: ${step.seconds.toFixed(3)} s (${step.value.length} suggestions)`,
  );
}
const sorted = [...rounds].sort((a, b) => a - b);
console.log(
  `incremental ${NEW} items: median ${(sorted[Math.floor(sorted.length / 2)] as number).toFixed(3)} s, ` +
    `max ${(sorted[sorted.length - 1] as number).toFixed(3)} s (aim: under 2 s)`,
);

const again = timed(() => buildSuggestIndex([...items, ...added]).suggestions());
const same = JSON.stringify(again.value) === JSON.stringify(index.suggestions());
console.log(
  `from scratch with all ${ITEMS + added.length} items: ${again.seconds.toFixed(2)} s; same suggestions as the additions: ${same ? 'yes' : 'NO'}`,
);
if (!same) process.exitCode = 1;
