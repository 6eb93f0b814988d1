import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { Release } from '../../api/release-types.js';
import { releaseKeys } from './release-keys.js';

/** GET /releases/{id}: one release with its notes, what it closes and how often its notes were read. */
export function useRelease(id: number) {
  return useQuery({
    queryKey: releaseKeys.one(id),
    queryFn: ({ signal }) => api<Release>(`/releases/${id}`, { signal }),
    enabled: Number.isSafeInteger(id) && id > 0,
  });
}
