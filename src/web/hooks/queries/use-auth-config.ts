import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { AuthConfig } from '../../api/types.js';
import { keys } from './keys.js';

/** GET /auth-config (open): whether the sign-in page offers the company's identity provider. */
export function useAuthConfig() {
  return useQuery({
    queryKey: keys.authConfig,
    queryFn: ({ signal }) => api<AuthConfig>('/auth-config', { signal }),
    staleTime: Infinity,
  });
}
