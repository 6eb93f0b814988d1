import { buildSuggestIndex } from './suggest-index.js';
import type { SuggestItem, Suggestion, SuggestOptions } from './types.js';

/**
 * Suggests problems: groups of feedback items from at least two teams that describe the same thing, each with
 * its similarity and the words its items share. Deterministic: the same items, in any order, give the same list.
 */
export function suggestProblems(items: readonly SuggestItem[], options: SuggestOptions = {}): Suggestion[] {
  return buildSuggestIndex(items).suggestions(options);
}
