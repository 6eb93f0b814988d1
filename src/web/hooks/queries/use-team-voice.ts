import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { TeamVoice } from '../../api/voice-dashboard-types.js';
import { voiceDashboardKeys } from './voice-dashboard-keys.js';

/** GET /teams/{name}/voice: last contact, conversations, and engagements with what changed during and after them. */
export function useTeamVoice(team: string) {
  return useQuery({
    queryKey: voiceDashboardKeys.teamVoice(team),
    queryFn: ({ signal }) => api<TeamVoice>(`/teams/${encodeURIComponent(team)}/voice`, { signal }),
  });
}
