import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { Subscription } from '../../api/subscription-types.js';
import { subscriptionKeys } from './subscription-keys.js';

/** GET /subscriptions: where releases are announced, each with its state and delivery counts. */
export function useSubscriptions() {
  return useQuery({
    queryKey: subscriptionKeys.list,
    queryFn: ({ signal }) => api<{ items: Subscription[] }>('/subscriptions', { signal }),
  });
}
