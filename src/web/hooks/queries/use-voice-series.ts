import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.js';
import type { VoiceSeries } from '../../api/voice-dashboard-types.js';
import type { VoiceQuery } from './use-voice-summary.js';
import { voiceDashboardKeys } from './voice-dashboard-keys.js';

/** GET /voice/series: per week, bugs reported and fixed, support opened and resolved, the queue, first response. */
export function useVoiceSeries(query: VoiceQuery) {
  return useQuery({
    queryKey: voiceDashboardKeys.series(query),
    queryFn: ({ signal }) => api<VoiceSeries>(withQuery('/voice/series', { ...query }), { signal }),
    placeholderData: keepPreviousData,
  });
}
