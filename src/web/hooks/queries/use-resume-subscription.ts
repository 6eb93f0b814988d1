import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { Subscription } from '../../api/subscription-types.js';
import { subscriptionKeys } from './subscription-keys.js';

/** POST /subscriptions/{id}/resume: unpauses, and sends its failed announcements again. */
export function useResumeSubscription() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<Subscription>(`/subscriptions/${id}/resume`, { method: 'POST' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: subscriptionKeys.all }),
  });
}
