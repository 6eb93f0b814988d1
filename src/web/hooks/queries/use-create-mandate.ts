import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { Mandate, MandateCreate } from '../../api/types.js';
import { invalidateAdoption } from './adoption-changed.js';

/** POST /capabilities/{name}/mandates (admins). */
export function useCreateMandate(capability: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: MandateCreate) =>
      api<Mandate>(`/capabilities/${encodeURIComponent(capability)}/mandates`, { method: 'POST', body }),
    onSuccess: () => invalidateAdoption(client, capability),
  });
}
