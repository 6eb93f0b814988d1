import type { NotificationPage } from '../../api/notification-types.js';
import { notificationKeys } from './notification-keys.js';
import { usePaged } from './paged.js';

/** GET /notifications: the signed-in person's, newest first (`unread`: only those not read yet). */
export function useNotifications(unread: boolean) {
  return usePaged<NotificationPage>(notificationKeys.list({ unread }), '/notifications', {
    unread: unread ? 'true' : undefined,
  });
}
