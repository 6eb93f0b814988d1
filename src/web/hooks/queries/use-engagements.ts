import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.js';
import type { Engagement } from '../../api/voice-dashboard-types.js';
import { voiceDashboardKeys } from './voice-dashboard-keys.js';

/** GET /engagements: buddy engagements, latest start first; `team` narrows to one customer team. */
export function useEngagements(team?: string) {
  return useQuery({
    queryKey: voiceDashboardKeys.engagements(team),
    queryFn: ({ signal }) => api<{ items: Engagement[] }>(withQuery('/engagements', { team }), { signal }),
  });
}
