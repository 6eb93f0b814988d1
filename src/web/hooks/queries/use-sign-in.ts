import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { Me } from '../../api/types.js';
import { keys } from './keys.js';

/** POST /session: trades an API token for the session cookie. */
export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => api<Me>('/session', { method: 'POST', body: { token } }),
    onSuccess: (me) => {
      client.removeQueries();
      client.setQueryData(keys.me, me);
    },
  });
}
