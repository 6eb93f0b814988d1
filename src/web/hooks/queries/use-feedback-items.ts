import type { FeedbackItem, FeedbackKind } from '../../api/voice-types.js';
import { KIND_INFO } from '../../lib/voice-kinds.js';
import { usePaged } from './paged.js';
import { voiceKeys } from './voice-keys.js';

export interface FeedbackFilters {
  team?: string | undefined;
  capability?: string | undefined;
  status?: string | undefined;
  q?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  problem?: string | undefined;
  platformTeam?: string | undefined;
  category?: string | undefined;
  closedFrom?: string | undefined;
  closedTo?: string | undefined;
}

/** GET /pains (or /requests, /bugs, /support-requests), newest first, page by page. */
export function useFeedbackItems(kind: FeedbackKind, filters: FeedbackFilters) {
  return usePaged<{ items: FeedbackItem[]; nextCursor: string | null }>(
    voiceKeys.items(kind, filters),
    `/${KIND_INFO[kind].api}`,
    filters,
  );
}
