import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { Follow } from '../../api/notification-types.js';
import { notificationKeys } from './notification-keys.js';

/** GET /follows: the capabilities the signed-in person follows; off for a service token, which follows nothing. */
export function useFollows(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.follows,
    queryFn: ({ signal }) => api<{ items: Follow[] }>('/follows', { signal }),
    enabled,
  });
}
