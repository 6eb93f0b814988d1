import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';

/** DELETE /session, then forget everything cached for this person. */
export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/session', { method: 'DELETE' }),
    onSettled: () => client.clear(),
  });
}
