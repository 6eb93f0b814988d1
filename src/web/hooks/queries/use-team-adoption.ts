import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.js';
import type { TeamAdoption } from '../../api/types.js';
import { keys } from './keys.js';

/** GET /teams/{name}/adoption: what the team uses and what it has not adopted yet. */
export function useTeamAdoption(name: string, namespace = 'default') {
  return useQuery({
    queryKey: keys.teamAdoption(namespace, name),
    queryFn: ({ signal }) =>
      api<TeamAdoption>(
        withQuery(`/teams/${encodeURIComponent(name)}/adoption`, {
          namespace: namespace === 'default' ? undefined : namespace,
        }),
        { signal },
      ),
  });
}
