import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.js';
import type { SimilarItem } from '../../api/voice-types.js';
import { voiceKeys } from './voice-keys.js';

/** GET /feedback/similar: open items whose titles look like the one being typed (asked from 3 letters on). */
export function useSimilarFeedback(title: string) {
  const text = title.trim();
  return useQuery({
    queryKey: voiceKeys.similar({ title: text }),
    queryFn: ({ signal }) => api<{ items: SimilarItem[] }>(withQuery('/feedback/similar', { title: text }), { signal }),
    enabled: text.length >= 3,
    placeholderData: keepPreviousData,
  });
}
