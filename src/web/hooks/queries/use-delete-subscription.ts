import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import { subscriptionKeys } from './subscription-keys.js';

/** DELETE /subscriptions/{id}. */
export function useDeleteSubscription() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<void>(`/subscriptions/${id}`, { method: 'DELETE' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: subscriptionKeys.all }),
  });
}
