import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { Mandate, MandatePatch } from '../../api/types.js';
import { invalidateAdoption } from './adoption-changed.js';

/** PATCH /capabilities/{name}/mandates/{id} (admins); a null deadline or note clears it. */
export function useUpdateMandate(capability: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: MandatePatch }) =>
      api<Mandate>(`/capabilities/${encodeURIComponent(capability)}/mandates/${id}`, { method: 'PATCH', body }),
    onSuccess: () => invalidateAdoption(client, capability),
  });
}
