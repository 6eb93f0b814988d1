// The engine's settings. The defaults are the candidate that measured best on the hand-written evaluation set
// (test/fixtures/voice/paraphrased-feedback.json); bench/voice-suggest-quality.ts prints every candidate's figures.
import type { LexiconMode } from './features.js';
import type { Linkage } from './group-online.js';
import type { Weights } from './vectors.js';

export interface SuggestConfig {
  readonly lexicon: LexiconMode;
  readonly pairs: boolean;
  readonly combos: boolean;
  readonly titleWeight: number;
  readonly weights: Weights;
  /** An item joins a group (and two groups merge) when their closeness, by the linkage, reaches this. */
  readonly threshold: number;
  /**
   * A cluster an item is at least this close to (times the threshold) is checked for a merge with the cluster the
   * item joined: the item may be the bridge that shows two clusters are one problem.
   */
  readonly mergeReach: number;
  /** centroid: cosine with a group's summed direction; average: mean cosine with its items. */
  readonly linkage: Linkage;
}

export const DEFAULT_CONFIG: SuggestConfig = {
  lexicon: 'replace',
  // Pairs of neighbouring words measured no better on the tuning half once the lexicon joins synonyms.
  pairs: false,
  // Two concepts of one item as a feature ("CI" with "slow") measured worse on the tuning half.
  combos: false,
  titleWeight: 2,
  weights: { word: 1, weak: 0.3, pair: 0.5, concept: 1.5, combo: 1 },
  threshold: 0.475,
  mergeReach: 0.5,
  linkage: 'centroid',
};
