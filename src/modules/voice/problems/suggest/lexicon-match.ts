// Finds the lexicon's phrases in a text's stemmed words, longest first, so "takes ages" is one mention of "slow".
import { porterStem } from './stem.js';
import type { Concept } from './lexicon.js';

/** A concept found over the words [from, to). */
export interface ConceptMatch {
  readonly concept: string;
  readonly from: number;
  readonly to: number;
}

export interface LexiconMatcher {
  readonly longest: number;
  match(stems: readonly string[]): ConceptMatch[];
}

export const stemPhrase = (phrase: string): string =>
  phrase
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '')
    .map(porterStem)
    .join(' ');

export function lexiconMatcher(concepts: readonly Concept[]): LexiconMatcher {
  const byPhrase = new Map<string, string>();
  /** First stem → the lengths of the phrases starting with it, longest first: most words start none. */
  const lengths = new Map<string, number[]>();
  let longest = 1;
  for (const concept of concepts) {
    for (const phrase of concept.phrases) {
      const key = stemPhrase(phrase);
      // A phrase listed under two concepts keeps the first: the lexicon reads top-down.
      if (byPhrase.has(key)) continue;
      byPhrase.set(key, concept.name);
      const words = key.split(' ');
      longest = Math.max(longest, words.length);
      const first = words[0] as string;
      lengths.set(
        first,
        [...new Set([...(lengths.get(first) ?? []), words.length])].sort((a, b) => b - a),
      );
    }
  }
  return {
    longest,
    match(stems) {
      const found: ConceptMatch[] = [];
      let i = 0;
      while (i < stems.length) {
        let matched = false;
        for (const n of lengths.get(stems[i] as string) ?? []) {
          if (i + n > stems.length) continue;
          const concept = byPhrase.get(n === 1 ? (stems[i] as string) : stems.slice(i, i + n).join(' '));
          if (concept === undefined) continue;
          found.push({ concept, from: i, to: i + n });
          i += n;
          matched = true;
          break;
        }
        if (!matched) i++;
      }
      return found;
    },
  };
}
