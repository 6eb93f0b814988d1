import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import { keys } from './keys.js';

/** DELETE /me/tokens/{id} (one's own) or /tokens/{id} (organisation admins, any token). */
export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, own }: { id: number; own: boolean }) =>
      api<void>(own ? `/me/tokens/${id}` : `/tokens/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.myTokens });
      void client.invalidateQueries({ queryKey: keys.tokens });
    },
  });
}
