import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { Conversation, ConversationInput } from '../../api/voice-dashboard-types.js';
import { voiceDashboardKeys } from './voice-dashboard-keys.js';

/** POST /conversations (platform members): a conversation changes the log, coverage and the team's voice. */
export function useCreateConversation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ConversationInput) => api<Conversation>('/conversations', { method: 'POST', body }),
    onSuccess: () =>
      Promise.all(
        [
          voiceDashboardKeys.conversationsAll,
          voiceDashboardKeys.coverage,
          voiceDashboardKeys.teamVoiceAll,
          ['voice-summary'],
        ].map((queryKey) => client.invalidateQueries({ queryKey })),
      ),
  });
}
