import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { FeedbackItem, FeedbackKind } from '../../api/voice-types.js';
import { KIND_INFO } from '../../lib/voice-kinds.js';
import { voiceKeys } from './voice-keys.js';

/** PATCH /pains/{id} (or another kind's): the team changes its words, the platform team its times and status. */
export function useChangeFeedback(kind: FeedbackKind, id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api<FeedbackItem>(`/${KIND_INFO[kind].api}/${id}`, { method: 'PATCH', body }),
    onSuccess: (item) => {
      client.setQueryData(voiceKeys.item(kind, id), item);
      return client.invalidateQueries({ queryKey: voiceKeys.all });
    },
  });
}
