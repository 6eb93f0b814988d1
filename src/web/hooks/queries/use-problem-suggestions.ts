import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { Suggestion } from '../../api/voice-types.js';
import { voiceKeys } from './voice-keys.js';

/** GET /problems/suggestions: groups of open items from several teams that seem to say the same, with why. */
export function useProblemSuggestions() {
  return useQuery({
    queryKey: voiceKeys.suggestions,
    queryFn: ({ signal }) => api<{ items: Suggestion[] }>('/problems/suggestions', { signal }),
  });
}
