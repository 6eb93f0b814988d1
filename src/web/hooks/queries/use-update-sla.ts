import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { SlaBody, SlaPolicy } from '../../api/voice-dashboard-types.js';
import { voiceDashboardKeys } from './voice-dashboard-keys.js';

/** PUT /capabilities/{name}/sla (the owning platform team): the whole policy; the SLA figures follow it. */
export function useUpdateSla(capability: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SlaBody) =>
      api<SlaPolicy>(`/capabilities/${encodeURIComponent(capability)}/sla`, { method: 'PUT', body }),
    onSuccess: (policy) => {
      client.setQueryData(voiceDashboardKeys.sla(capability), policy);
      return client.invalidateQueries({ queryKey: ['voice-summary'] });
    },
  });
}
