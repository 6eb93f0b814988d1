import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { FeedbackInput, FeedbackItem } from '../../api/voice-types.js';
import { KIND_INFO } from '../../lib/voice-kinds.js';
import { voiceKeys } from './voice-keys.js';

/** POST /pains, /requests, /bugs or /support-requests: a new item for one of the person's teams. */
export function useCreateFeedback() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, input }: FeedbackInput) =>
      api<FeedbackItem>(`/${KIND_INFO[kind].api}`, { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: voiceKeys.all }),
  });
}
