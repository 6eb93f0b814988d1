import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { ItemRef, Problem } from '../../api/voice-types.js';
import { voiceKeys } from './voice-keys.js';

/** POST /problems/suggestions/accept: the suggestion becomes a problem under the title given. */
export function useAcceptSuggestion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { items: ItemRef[]; title: string }) =>
      api<Problem>('/problems/suggestions/accept', { method: 'POST', body }),
    // Not awaited: the refetched inbox no longer holds the suggestion, so its card unmounts, and a caller's own
    // onSuccess (going to the new problem) would then never run.
    onSuccess: () => void client.invalidateQueries({ queryKey: voiceKeys.all }),
  });
}

/** POST /problems/suggestions/dismiss: the same items are not suggested together again. */
export function useDismissSuggestion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { items: ItemRef[] }) => api<unknown>('/problems/suggestions/dismiss', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: voiceKeys.all }),
  });
}
