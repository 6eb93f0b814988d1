import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.js';
import type { ReleasePage } from '../../api/release-types.js';
import { releaseKeys } from './release-keys.js';

/** GET /capabilities/{name}/releases: the capability's newest releases (one short page). */
export function useCapabilityReleases(name: string, limit = 5) {
  return useQuery({
    queryKey: [...releaseKeys.capability(name), limit],
    queryFn: ({ signal }) =>
      api<ReleasePage>(withQuery(`/capabilities/${encodeURIComponent(name)}/releases`, { limit }), { signal }),
  });
}
