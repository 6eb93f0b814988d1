import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { ScannedRepository } from '../../api/types.js';
import { keys } from './keys.js';

/** GET /repositories: every scanned repository, its service, when it was last scanned and how that went. */
export function useRepositories() {
  return useQuery({
    queryKey: keys.repositories,
    queryFn: ({ signal }) => api<{ items: ScannedRepository[] }>('/repositories', { signal }),
  });
}
