import type { Conversation } from '../../api/voice-dashboard-types.js';
import { usePaged } from './paged.js';
import { voiceDashboardKeys } from './voice-dashboard-keys.js';

/** GET /conversations, newest first, page by page; `team` narrows to one customer team. */
export function useConversations(filters: { team?: string | undefined }) {
  return usePaged<{ items: Conversation[]; nextCursor: string | null }>(
    voiceDashboardKeys.conversations(filters),
    '/conversations',
    filters,
  );
}
