import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { Declaration, DeclarationCreate } from '../../api/types.js';
import { invalidateAdoption } from './adoption-changed.js';

/** POST /capabilities/{name}/declarations: admins for any team, members for their own. */
export function useCreateDeclaration(capability: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: DeclarationCreate) =>
      api<Declaration>(`/capabilities/${encodeURIComponent(capability)}/declarations`, { method: 'POST', body }),
    onSuccess: () => invalidateAdoption(client, capability),
  });
}
