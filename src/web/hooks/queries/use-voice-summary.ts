import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.js';
import type { VoiceSummary } from '../../api/voice-dashboard-types.js';
import { voiceDashboardKeys } from './voice-dashboard-keys.js';

export interface VoiceQuery {
  from: string;
  to: string;
  capability?: string | undefined;
  platformTeam?: string | undefined;
}

/** GET /voice/summary: bug SLA shares, support times and queue, deflection and contact coverage for a period. */
export function useVoiceSummary(query: VoiceQuery) {
  return useQuery({
    queryKey: voiceDashboardKeys.summary(query),
    queryFn: ({ signal }) => api<VoiceSummary>(withQuery('/voice/summary', { ...query }), { signal }),
    placeholderData: keepPreviousData,
  });
}
