import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import { invalidateAdoption } from './adoption-changed.js';

/** DELETE /capabilities/{name}/mandates/{id} (admins). */
export function useDeleteMandate(capability: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      api<void>(`/capabilities/${encodeURIComponent(capability)}/mandates/${id}`, { method: 'DELETE' }),
    onSuccess: () => invalidateAdoption(client, capability),
  });
}
