import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { BacklogRow, RiceInputs } from '../../api/voice-types.js';
import { usePaged } from './paged.js';
import { voiceKeys } from './voice-keys.js';

/** GET /backlog: open problems and requests ranked by RICE, each with its arithmetic. */
export function useBacklog() {
  return usePaged<{ items: BacklogRow[]; nextCursor: string | null }>(voiceKeys.backlog, '/backlog', {});
}

/** PUT /backlog/requests/{id}/rice: a request's impact, confidence and effort (a problem's go through PATCH). */
export function useSetRequestRice() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, rice }: { id: number; rice: RiceInputs }) =>
      api<BacklogRow>(`/backlog/requests/${id}/rice`, { method: 'PUT', body: rice }),
    onSuccess: () => client.invalidateQueries({ queryKey: voiceKeys.all }),
  });
}
