import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { RequestItem } from '../../api/voice-types.js';
import { voiceKeys } from './voice-keys.js';

/** POST (vote) or DELETE (withdraw) /requests/{id}/votes as the signed-in person; one vote each. */
export function useVote() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, withdraw = false }: { id: number; withdraw?: boolean }) =>
      api<RequestItem>(`/requests/${id}/votes`, { method: withdraw ? 'DELETE' : 'POST' }),
    onSuccess: (item) => {
      client.setQueryData(voiceKeys.item('request', item.id), item);
      // Reach moves the problem, the backlog and the roadmap too.
      return client.invalidateQueries({ queryKey: voiceKeys.all });
    },
  });
}
