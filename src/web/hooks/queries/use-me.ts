import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { Me } from '../../api/types.js';
import { keys } from './keys.js';

/** GET /me: who is signed in. A 401 here means "show the sign-in page". */
export function useMe() {
  return useQuery({ queryKey: keys.me, queryFn: ({ signal }) => api<Me>('/me', { signal }), staleTime: 5 * 60_000 });
}

/** True when the signed-in person may create and edit catalog entries. */
export function useIsAdmin(): boolean {
  return useMe().data?.role === 'admin';
}
