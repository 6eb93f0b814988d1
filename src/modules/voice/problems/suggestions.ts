import type { FeedbackKind } from '../../../db/schema/voice.js';

/** An open item in no problem, as a suggestion engine reads it; `team` is the team's ref, null when unplaced. */
export interface SuggestionInput {
  kind: FeedbackKind;
  id: number;
  team: string | null;
  title: string;
  body?: string | null;
}

/** A group of items that seem to describe one problem, with why: shared terms or phrases, and their similarity. */
export interface Suggestion {
  items: { kind: FeedbackKind; id: number }[];
  /** The items' distinct team refs. */
  teams: string[];
  similarity: number;
  reasons: string[];
}

/**
 * What groups items into suggested problems: deterministic (the same input gives the same groups), and never
 * suggests again a group the platform team dismissed (`dismissed`: the item ids of each dismissed suggestion).
 */
export type SuggestionEngine = (items: SuggestionInput[], options: { dismissed: number[][] }) => Suggestion[];
