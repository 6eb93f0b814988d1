// What an item is about, as features: stemmed words, the lexicon's concepts, and pairs of neighbouring ones
// ("slow" next to "build" says more than either). Each keeps the words its author used, for the reasons.
import { CONCEPTS, WEAK_WORDS } from './lexicon.js';
import { lexiconMatcher, type LexiconMatcher } from './lexicon-match.js';
import { porterStem } from './stem.js';
import { isNumber, splitWords, STOPWORDS } from './words.js';

export type FeatureKind = 'word' | 'weak' | 'pair' | 'concept' | 'combo';

export interface Feature {
  readonly kind: FeatureKind;
  /** Occurrences, a title's counting `titleWeight` times. */
  count: number;
  /** The words as the author wrote them, first occurrence. */
  readonly surface: string;
}

export type LexiconMode = 'none' | 'add' | 'replace';

export interface FeatureOptions {
  /** none: words only; add: concepts beside the words; replace: a concept stands for the words it covers. */
  readonly lexicon: LexiconMode;
  readonly pairs: boolean;
  /** Two concepts in one item ("CI" and "slow") as a feature of their own: the subject and the symptom together. */
  readonly combos: boolean;
  readonly titleWeight: number;
}

interface Unit {
  readonly key: string;
  readonly kind: FeatureKind;
  readonly start: number;
  readonly end: number;
}

const WEAK = new Set(WEAK_WORDS.map(porterStem));
let sharedMatcher: LexiconMatcher | null = null;
const matcher = (): LexiconMatcher => (sharedMatcher ??= lexiconMatcher(CONCEPTS));

function units(text: string, lexicon: LexiconMode): Unit[] {
  const words = splitWords(text);
  const stems = words.map((w) => porterStem(w.norm));
  const covered: (string | undefined)[] = new Array(words.length);
  const startsAt = new Map<number, number>();
  if (lexicon !== 'none') {
    for (const m of matcher().match(stems)) {
      startsAt.set(m.from, m.to);
      for (let i = m.from; i < m.to; i++) covered[i] = m.concept;
    }
  }
  const out: Unit[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as (typeof words)[number];
    const to = startsAt.get(i);
    if (to !== undefined) {
      const last = words[to - 1] as (typeof words)[number];
      out.push({ key: `c:${covered[i]}`, kind: 'concept', start: word.start, end: last.end });
      if (lexicon === 'replace') {
        i = to - 1;
        continue;
      }
    }
    if (STOPWORDS.has(word.norm) || word.norm.length < 2 || isNumber(word.norm)) continue;
    const stem = stems[i] as string;
    out.push({ key: `w:${stem}`, kind: WEAK.has(stem) ? 'weak' : 'word', start: word.start, end: word.end });
  }
  return out;
}

function count(features: Map<string, Feature>, key: string, kind: FeatureKind, surface: string, by: number): void {
  const known = features.get(key);
  if (known) known.count += by;
  else features.set(key, { kind, count: by, surface });
}

/** The features of one item's title and body. */
export function itemFeatures(title: string, body: string | null | undefined, options: FeatureOptions) {
  const features = new Map<string, Feature>();
  const fields: [string, number][] = [[title, options.titleWeight]];
  if (body) fields.push([body, 1]);
  for (const [text, weight] of fields) {
    const found = units(text, options.lexicon);
    for (const unit of found) count(features, unit.key, unit.kind, text.slice(unit.start, unit.end), weight);
    if (!options.pairs) continue;
    for (let i = 1; i < found.length; i++) {
      const a = found[i - 1] as Unit;
      const b = found[i] as Unit;
      // Pairs inside one concept's phrase, or with a weak word, repeat what the units already say.
      if (a.key === b.key || a.kind === 'weak' || b.kind === 'weak' || b.start < a.end) continue;
      const key = a.key < b.key ? `p:${a.key}|${b.key}` : `p:${b.key}|${a.key}`;
      count(features, key, 'pair', text.slice(a.start, b.end), weight);
    }
  }
  if (options.combos) {
    const concepts = [...features.entries()]
      .filter(([key]) => key.startsWith('c:'))
      .sort(([a], [b]) => (a < b ? -1 : 1));
    for (let i = 0; i < concepts.length; i++)
      for (let j = i + 1; j < concepts.length; j++) {
        const [ka, fa] = concepts[i] as [string, Feature];
        const [kb, fb] = concepts[j] as [string, Feature];
        count(features, `x:${ka}|${kb}`, 'combo', `${fa.surface} ${fb.surface}`, Math.min(fa.count, fb.count));
      }
  }
  return features;
}
