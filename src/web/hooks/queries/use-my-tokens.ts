import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { TokenInfo } from '../../api/types.js';
import { keys } from './keys.js';

/** GET /me/tokens: the signed-in person's own tokens; `enabled` is false for a service token, which has none. */
export function useMyTokens(enabled: boolean) {
  return useQuery({
    queryKey: keys.myTokens,
    queryFn: ({ signal }) => api<{ items: TokenInfo[] }>('/me/tokens', { signal }),
    enabled,
  });
}
