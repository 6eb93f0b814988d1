import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { Release, ReleaseChange, ReleaseInput } from '../../api/release-types.js';
import { releaseKeys } from './release-keys.js';
import { voiceKeys } from './voice-keys.js';

/** A release closes requests and bugs: their status moves, so the voice lists are read again too. */
function useInvalidate() {
  const client = useQueryClient();
  return async () => {
    await client.invalidateQueries({ queryKey: releaseKeys.all });
    await client.invalidateQueries({ queryKey: voiceKeys.all });
  };
}

/** POST /releases (members of the capability's platform team, organisation admins). */
export function useCreateRelease() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: ReleaseInput) => api<Release>('/releases', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

/** PATCH /releases/{id}. */
export function useChangeRelease() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, change }: { id: number; change: ReleaseChange }) =>
      api<Release>(`/releases/${id}`, { method: 'PATCH', body: change }),
    onSuccess: invalidate,
  });
}

/** DELETE /releases/{id}. */
export function useDeleteRelease() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: number) => api<void>(`/releases/${id}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}
