import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import { invalidateDelivery } from './delivery-changed.js';

/** POST /deliveries/reprocess (admins): derive the stored raw deliveries again, as a job. */
export function useReprocess() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (status: 'failed' | 'all') => api<{ queued: number }>('/deliveries/reprocess', { method: 'POST', body: { status } }),
    onSuccess: () => invalidateDelivery(client),
  });
}
