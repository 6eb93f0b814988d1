import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { ReprocessBody, ReprocessResult } from '../../api/types.js';
import { invalidateDelivery } from './delivery-changed.js';

/** POST /deliveries/reprocess (admins): derive the stored raw deliveries again, as a job. */
export function useReprocess() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (status: NonNullable<ReprocessBody['status']>) =>
      api<ReprocessResult>('/deliveries/reprocess', { method: 'POST', body: { status } satisfies ReprocessBody }),
    onSuccess: () => invalidateDelivery(client),
  });
}
