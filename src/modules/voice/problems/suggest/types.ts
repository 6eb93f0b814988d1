/** A feedback item as the suggestion engine sees it. Ids are unique across kinds (one feedback table). */
export interface SuggestItem {
  readonly kind: 'pain' | 'request' | 'bug' | 'support';
  readonly id: number;
  /** The customer team; null for an author Paved could not place (may join a group, does not count as a team). */
  readonly team: string | null;
  readonly title: string;
  readonly body?: string | null;
}

export interface SuggestOptions {
  /** Groups a platform member dismissed, as sets of item ids: a suggestion inside one is not made again. */
  readonly dismissed?: readonly (readonly number[])[];
  /** Fewest distinct teams a suggestion spans (default 2: "solve once, serve many"). */
  readonly minTeams?: number;
}

/** A suggested problem: items from several teams that describe one thing, and why Paved thinks so. */
export interface Suggestion {
  readonly items: { readonly kind: SuggestItem['kind']; readonly id: number }[];
  readonly teams: string[];
  /** Average cosine similarity over the group's pairs of items, 0-1. */
  readonly similarity: number;
  /** What the items share, in their authors' words ("CI / pipeline / builds", "slow / takes forever"). */
  readonly reasons: string[];
}
