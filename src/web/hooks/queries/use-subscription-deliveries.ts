import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { Delivery } from '../../api/subscription-types.js';
import { subscriptionKeys } from './subscription-keys.js';

/** GET /subscriptions/{id}/deliveries: the latest announcements of one subscription, with every attempt. */
export function useSubscriptionDeliveries(id: number, enabled: boolean) {
  return useQuery({
    queryKey: subscriptionKeys.deliveries(id),
    queryFn: ({ signal }) => api<{ items: Delivery[] }>(`/subscriptions/${id}/deliveries?limit=10`, { signal }),
    enabled,
  });
}
