import type { FeedbackComment, FeedbackKind } from '../../api/voice-types.js';
import { KIND_INFO } from '../../lib/voice-kinds.js';
import { usePaged } from './paged.js';
import { voiceKeys } from './voice-keys.js';

/** GET /pains/{id}/comments (or another kind's), oldest first. */
export function useFeedbackComments(kind: FeedbackKind, id: number) {
  return usePaged<{ items: FeedbackComment[]; nextCursor: string | null }>(
    voiceKeys.comments(kind, id),
    `/${KIND_INFO[kind].api}/${id}/comments`,
    {},
  );
}
