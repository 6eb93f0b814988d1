import type { Suggestion, SuggestionEngine } from './suggestions.js';

/**
 * A TEMPORARY suggestion engine, so the routes work and can be tested while the real one is written: it groups
 * items whose titles are equal once trimmed and lower-cased, when they come from at least 2 teams; the reason is
 * the title. A group whose items all lie in one dismissed suggestion is not suggested again.
 */
export const exactTitleEngine: SuggestionEngine = (items, { dismissed }) => {
  const groups = new Map<string, typeof items>();
  for (const item of [...items].sort((a, b) => a.id - b.id)) {
    const key = item.title.trim().toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const dismissedSets = dismissed.map((ids) => new Set(ids));
  const out: Suggestion[] = [];
  for (const group of groups.values()) {
    const teams = [...new Set(group.flatMap((i) => (i.team === null ? [] : [i.team])))].sort();
    if (teams.length < 2) continue;
    if (dismissedSets.some((set) => group.every((i) => set.has(i.id)))) continue;
    out.push({
      items: group.map((i) => ({ kind: i.kind, id: i.id })),
      teams,
      similarity: 1,
      reasons: [group[0]?.title.trim() ?? ''],
    });
  }
  // Most teams first, then the oldest item first.
  return out.sort((a, b) => b.teams.length - a.teams.length || (a.items[0]?.id ?? 0) - (b.items[0]?.id ?? 0));
};
