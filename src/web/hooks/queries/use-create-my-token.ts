import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { IssuedToken } from '../../api/types.js';
import { keys } from './keys.js';

/** POST /me/tokens: a personal token; its secret is in this answer only. */
export function useCreateMyToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api<IssuedToken>('/me/tokens', { method: 'POST', body: { name } }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.myTokens });
      void client.invalidateQueries({ queryKey: keys.tokens });
    },
  });
}
