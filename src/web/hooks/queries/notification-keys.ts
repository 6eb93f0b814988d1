/** Notification and follow query keys: marking read moves the list and the bell's count at once. */
export const notificationKeys = {
  all: ['notifications'] as const,
  list: (filters: object) => ['notifications', 'list', filters] as const,
  unread: ['notifications', 'unread'] as const,
  follows: ['follows'] as const,
};
