import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.js';
import type { BugItem, ItemFilters, PainItem, RequestItem, SupportItem } from '../../api/voice-dashboard-types.js';
import { voiceDashboardKeys } from './voice-dashboard-keys.js';

interface ItemsByPath {
  pains: PainItem;
  requests: RequestItem;
  bugs: BugItem;
  'support-requests': SupportItem;
}

/** One page of an item list (GET /pains, /requests, /bugs, /support-requests), newest first: for short lists. */
export function useVoiceItems<P extends keyof ItemsByPath>(path: P, filters: ItemFilters, enabled = true) {
  return useQuery({
    queryKey: voiceDashboardKeys.items(path, filters),
    queryFn: ({ signal }) =>
      api<{ items: ItemsByPath[P][]; nextCursor: string | null }>(withQuery(`/${path}`, { ...filters }), { signal }),
    enabled,
  });
}
