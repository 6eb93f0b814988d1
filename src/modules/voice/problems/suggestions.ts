import type { FeedbackKind } from '../../../db/schema/voice.js';

/** A group of items that seem to describe one problem, with why: shared terms or phrases, and their similarity. */
export interface Suggestion {
  items: { kind: FeedbackKind; id: number }[];
  /** The items' distinct team refs. */
  teams: string[];
  similarity: number;
  reasons: string[];
}
