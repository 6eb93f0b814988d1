import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { ItemRef, Problem, ProblemPatch } from '../../api/voice-types.js';
import { voiceKeys } from './voice-keys.js';

/** PATCH /problems/{id}: fields, status, RICE inputs, items linked (addItems) or unlinked (removeItems). */
export function useChangeProblem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: ProblemPatch }) =>
      api<Problem>(`/problems/${id}`, { method: 'PATCH', body: patch }),
    onSuccess: () => client.invalidateQueries({ queryKey: voiceKeys.all }),
  });
}

/** POST /problems/{id}/merge: `from`'s items and roadmap links move into `id`, and `from` is deleted. */
export function useMergeProblem(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (from: number) => api<Problem>(`/problems/${id}/merge`, { method: 'POST', body: { from } }),
    onSuccess: () => client.invalidateQueries({ queryKey: voiceKeys.all }),
  });
}

/** POST /problems/{id}/split: the items chosen move to a new problem under the title given. */
export function useSplitProblem(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { items: ItemRef[]; title: string }) =>
      api<{ from: Problem; created: Problem }>(`/problems/${id}/split`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: voiceKeys.all }),
  });
}
