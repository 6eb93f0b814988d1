import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { SlaPolicy } from '../../api/voice-dashboard-types.js';
import { voiceDashboardKeys } from './voice-dashboard-keys.js';

/** GET /capabilities/{name}/sla: hours to acknowledge and to fix a bug, per severity. */
export function useCapabilitySla(capability: string) {
  return useQuery({
    queryKey: voiceDashboardKeys.sla(capability),
    queryFn: ({ signal }) => api<SlaPolicy>(`/capabilities/${encodeURIComponent(capability)}/sla`, { signal }),
  });
}
