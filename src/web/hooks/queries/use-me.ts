import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { Me } from '../../api/types.js';
import { keys } from './keys.js';

/** GET /me: who is signed in. A 401 here means "show the sign-in page". */
export function useMe() {
  return useQuery({ queryKey: keys.me, queryFn: ({ signal }) => api<Me>('/me', { signal }), staleTime: 5 * 60_000 });
}

/** True for a platform team's member or an organisation admin: they may create capabilities. */
export function useIsAdmin(): boolean {
  return useMe().data?.role === 'admin';
}

/** True for an organisation admin: imports, tokens, deliveries and other organisation-wide settings. */
export function useIsOrgAdmin(): boolean {
  return useMe().data?.orgAdmin === true;
}

/** True when the caller may change what the team `ownerRef` owns (its capabilities, their mandates). */
export function useAdministers(ownerRef: string | null | undefined): boolean {
  const me = useMe().data;
  if (!me) return false;
  return me.orgAdmin || (me.role === 'admin' && !!ownerRef && me.teams.includes(ownerRef));
}
