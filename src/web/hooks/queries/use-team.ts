import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.js';
import type { TeamDetail } from '../../api/types.js';
import { keys } from './keys.js';

/** GET /teams/{name}. */
export function useTeam(name: string, namespace = 'default') {
  return useQuery({
    queryKey: keys.team(namespace, name),
    queryFn: ({ signal }) =>
      api<TeamDetail>(
        withQuery(`/teams/${encodeURIComponent(name)}`, { namespace: namespace === 'default' ? undefined : namespace }),
        { signal },
      ),
  });
}
