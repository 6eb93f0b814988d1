// From groups of items to the suggestions a platform member sees: only groups spanning enough teams, never one
// already dismissed, each explained, widest reach first.
import { explainGroup } from './explain.js';
import type { ItemRecord } from './records.js';
import type { Suggestion, SuggestOptions } from './types.js';
import type { Vocabulary } from './vectors.js';

/** True when every item of the group lies inside one dismissed set. */
function dismissed(ids: readonly number[], sets: readonly ReadonlySet<number>[]): boolean {
  return sets.some((set) => ids.every((id) => set.has(id)));
}

/** A group explained, before the caller's options pick what to show. */
export type Explained = Suggestion & { readonly ids: readonly number[] };

/** Explains one group (item ids ascending). */
export function explained(ids: readonly number[], records: ReadonlyMap<number, ItemRecord>, vocabulary: Vocabulary) {
  const members = ids.map((id) => records.get(id) as ItemRecord);
  const teams = [...new Set(members.flatMap((r) => (r.item.team === null ? [] : [r.item.team])))].sort();
  const { similarity, reasons } = explainGroup(members, vocabulary);
  return {
    ids,
    items: members.map((r) => ({ kind: r.item.kind, id: r.item.id })),
    teams,
    similarity: Math.round(similarity * 1000) / 1000,
    reasons,
  } satisfies Explained;
}

/** The groups worth showing, widest reach first: enough teams, not inside a dismissed group. */
export function pickSuggestions(groups: Iterable<Explained>, options: SuggestOptions = {}): Suggestion[] {
  const minTeams = options.minTeams ?? 2;
  const dismissedSets = (options.dismissed ?? []).map((ids) => new Set(ids));
  const out: Explained[] = [];
  for (const g of groups) if (g.teams.length >= minTeams && !dismissed(g.ids, dismissedSets)) out.push(g);
  out.sort(
    (a, b) =>
      b.teams.length - a.teams.length ||
      b.items.length - a.items.length ||
      b.similarity - a.similarity ||
      (a.ids[0] as number) - (b.ids[0] as number),
  );
  return out.map(({ ids: _, ...s }) => s);
}

export function toSuggestions(
  groups: readonly (readonly number[])[],
  records: ReadonlyMap<number, ItemRecord>,
  vocabulary: Vocabulary,
  options: SuggestOptions = {},
): Suggestion[] {
  return pickSuggestions(
    groups.map((ids) => explained(ids, records, vocabulary)),
    options,
  );
}
