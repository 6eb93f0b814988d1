import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { FeedbackItem, FeedbackKind } from '../../api/voice-types.js';
import { KIND_INFO } from '../../lib/voice-kinds.js';
import { voiceKeys } from './voice-keys.js';

/** GET /pains/{id} (or another kind's): one item with its times, votes and reach. */
export function useFeedbackItem(kind: FeedbackKind, id: number) {
  return useQuery({
    queryKey: voiceKeys.item(kind, id),
    queryFn: ({ signal }) => api<FeedbackItem>(`/${KIND_INFO[kind].api}/${id}`, { signal }),
    enabled: Number.isSafeInteger(id) && id > 0,
  });
}
