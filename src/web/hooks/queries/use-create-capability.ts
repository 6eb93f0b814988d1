import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { CapabilityCreate, CapabilityDetail } from '../../api/types.js';
import { keys } from './keys.js';

/** POST /capabilities (admins). */
export function useCreateCapability() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CapabilityCreate) => api<CapabilityDetail>('/capabilities', { method: 'POST', body }),
    onSuccess: (detail) => {
      client.setQueryData(keys.capability(detail.capability.namespace, detail.capability.name), detail);
      void client.invalidateQueries({ queryKey: ['capabilities'] });
      void client.invalidateQueries({ queryKey: keys.overview });
      void client.invalidateQueries({ queryKey: ['team'] });
    },
  });
}
