import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { Engagement, EngagementInput } from '../../api/voice-dashboard-types.js';
import { voiceDashboardKeys } from './voice-dashboard-keys.js';

/** POST /engagements (platform members): a platform engineer embedded with a customer team for a period. */
export function useCreateEngagement() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: EngagementInput) => api<Engagement>('/engagements', { method: 'POST', body }),
    onSuccess: () =>
      Promise.all(
        [voiceDashboardKeys.engagementsAll, voiceDashboardKeys.teamVoiceAll].map((queryKey) =>
          client.invalidateQueries({ queryKey }),
        ),
      ),
  });
}
