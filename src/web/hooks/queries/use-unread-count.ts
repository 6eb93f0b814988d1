import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { NotificationPage } from '../../api/notification-types.js';
import { notificationKeys } from './notification-keys.js';

/** The bell's count: GET /notifications?unread=true&limit=1's `unread`, asked again every minute. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: async ({ signal }) =>
      (await api<NotificationPage>('/notifications?unread=true&limit=1', { signal })).unread,
    enabled,
    refetchInterval: 60_000,
    staleTime: 0,
  });
}
