import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { FeedbackComment, FeedbackKind } from '../../api/voice-types.js';
import { KIND_INFO } from '../../lib/voice-kinds.js';
import { voiceKeys } from './voice-keys.js';

/** POST /pains/{id}/comments (or another kind's); the platform team's first one may acknowledge the item. */
export function useAddFeedbackComment(kind: FeedbackKind, id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      api<FeedbackComment>(`/${KIND_INFO[kind].api}/${id}/comments`, { method: 'POST', body: { body } }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: voiceKeys.comments(kind, id) }),
        client.invalidateQueries({ queryKey: voiceKeys.item(kind, id) }),
      ]),
  });
}
