import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { TokenInfo } from '../../api/types.js';
import { keys } from './keys.js';

/** GET /tokens (organisation admins): every token, personal and service. */
export function useTokens(enabled: boolean) {
  return useQuery({
    queryKey: keys.tokens,
    queryFn: ({ signal }) => api<{ items: TokenInfo[] }>('/tokens', { signal }),
    enabled,
  });
}
