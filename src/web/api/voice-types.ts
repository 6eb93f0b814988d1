// The voice-of-the-customer shapes (items, problems, backlog, roadmap), from the server's contracts (types only).
// Kept beside types.ts so the Voice pages built in parallel do not all edit one file.
import type { ItemView, commentView } from '../../modules/voice/feedback/view.js';
import type { BugInput, PainInput, RequestInput, SupportInput } from '../../modules/voice/feedback/contract.js';
import type { inboxSchema, problemPatch, suggestionSchema } from '../../modules/voice/problems/contract.js';
import type { z } from 'zod';

export type { ItemView as FeedbackItem } from '../../modules/voice/feedback/view.js';
export type { BacklogRow, ItemRef, Problem } from '../../modules/voice/problems/contract.js';
export type { RoadmapCreate, RoadmapItem, RoadmapPatch } from '../../modules/voice/roadmap/contract.js';
export type { UnplacedItem } from '../../modules/voice/feedback/sources/contract.js';

export type FeedbackKind = ItemView['kind'];
export type PainItem = Extract<ItemView, { kind: 'pain' }>;
export type RequestItem = Extract<ItemView, { kind: 'request' }>;
export type FeedbackComment = z.infer<typeof commentView>;
export type Suggestion = z.infer<typeof suggestionSchema>;
export type Inbox = z.infer<typeof inboxSchema>;
export type InboxItem = Inbox['items'][number];
export type ProblemPatch = z.input<typeof problemPatch>;

/** What POST /pains, /requests, /bugs and /support-requests take (times are strings on the wire). */
type Wire<T> = { [K in keyof T]: T[K] extends Date | null | undefined ? string | null | undefined : T[K] };
export type FeedbackInput =
  | { kind: 'pain'; input: Wire<PainInput> }
  | { kind: 'request'; input: Wire<RequestInput> }
  | { kind: 'bug'; input: Wire<BugInput> }
  | { kind: 'support'; input: Wire<SupportInput> };

/** GET /feedback/similar's items (the route declares its schema inline, so it is restated here). */
export interface SimilarItem {
  kind: FeedbackKind;
  id: number;
  title: string;
  team: string | null;
  teamRef: string | null;
  /** Requests only. */
  votes: number | null;
  similarity: number;
}

export type RiceInputs = { impact: number | null; confidence: number | null; effort: number | null };
