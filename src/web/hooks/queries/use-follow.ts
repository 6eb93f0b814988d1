import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { FollowState } from '../../api/notification-types.js';
import { notificationKeys } from './notification-keys.js';

/** PUT (follow) or DELETE (unfollow) /capabilities/{name}/follow as the signed-in person. */
export function useFollow(name: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (follow: boolean) =>
      api<FollowState>(`/capabilities/${encodeURIComponent(name)}/follow`, { method: follow ? 'PUT' : 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: notificationKeys.follows }),
  });
}
