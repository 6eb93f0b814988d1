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
  let longest = 1;
  for (const concept of concepts) {
    for (const phrase of concept.phrases) {
      const key = stemPhrase(phrase);
      // A phrase listed under two concepts keeps the first: the lexicon reads top-down.
      if (!byPhrase.has(key)) byPhrase.set(key, concept.name);
      longest = Math.max(longest, key.split(' ').length);
    }
  }
  return {
    longest,
    match(stems) {
      const found: ConceptMatch[] = [];
      let i = 0;
      while (i < stems.length) {
        let matched = false;
        for (let n = Math.min(longest, stems.length - i); n >= 1; n--) {
          const concept = byPhrase.get(stems.slice(i, i + n).join(' '));
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
