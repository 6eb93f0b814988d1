import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { CreatedSubscription, SubscriptionCreate } from '../../api/subscription-types.js';
import { subscriptionKeys } from './subscription-keys.js';

/** POST /subscriptions; a webhook's signing secret is in this answer only. */
export function useCreateSubscription() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SubscriptionCreate) =>
      api<CreatedSubscription>('/subscriptions', { method: 'POST', body: input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: subscriptionKeys.all }),
  });
}
