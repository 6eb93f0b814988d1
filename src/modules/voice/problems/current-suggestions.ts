import type { Db } from '../../../db/schema/index.js';
import { dismissedItemSets, openUnplacedItems } from './repo.js';
import { suggestProblems } from './suggest/suggest-problems.js';
import type { Suggestion, SuggestionEngine } from './suggestions.js';

// The engine in use: stemmed words and the platform lexicon, grouped one item at a time (see suggest/).
export const suggestionEngine: SuggestionEngine = (items, options) => suggestProblems(items, options);

/** The suggestions now, for the open items in no problem; teams as names. */
export async function currentSuggestions(db: Db, engine: SuggestionEngine = suggestionEngine): Promise<Suggestion[]> {
  const rows = await openUnplacedItems(db);
  const names = new Map(rows.map((r) => [r.team_ref, r.team_name]));
  const items = rows.map((r) => ({ kind: r.kind, id: r.id, team: r.team_ref, title: r.title, body: r.body }));
  return engine(items, { dismissed: await dismissedItemSets(db) }).map((s) => ({
    ...s,
    teams: s.teams.map((ref) => names.get(ref) ?? ref),
  }));
}
