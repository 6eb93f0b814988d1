import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { RemapCounts } from '../../api/types.js';
import { invalidateDelivery } from './delivery-changed.js';

/** POST /unmapped/remap (admins): map unmapped facts again with the catalog's current annotations. */
export function useRemap() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<RemapCounts>('/unmapped/remap', { method: 'POST' }),
    onSuccess: () => invalidateDelivery(client),
  });
}
