import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import { notificationKeys } from './notification-keys.js';

/** POST /notifications/read: some of the person's notifications (`ids`), or all of them. */
export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (which: { ids: number[] } | { all: true }) =>
      api<{ marked: number; unread: number }>('/notifications/read', { method: 'POST', body: which }),
    onSuccess: ({ unread }) => {
      client.setQueryData(notificationKeys.unread, unread);
      return client.invalidateQueries({ queryKey: notificationKeys.all });
    },
  });
}
