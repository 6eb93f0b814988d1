import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { FeedToken, IssuedFeedToken } from '../../api/shipping-feed-types.js';
import { feedKeys } from './feed-keys.js';

/** GET /feed-tokens: the person's feed tokens not revoked. */
export function useFeedTokens(enabled: boolean) {
  return useQuery({
    queryKey: feedKeys.feedTokens,
    queryFn: ({ signal }) => api<{ items: FeedToken[] }>('/feed-tokens', { signal }),
    enabled,
  });
}

/** POST /feed-tokens: a new feed token; its secret is in this answer only. */
export function useCreateFeedToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api<IssuedFeedToken>('/feed-tokens', { method: 'POST', body: { name } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: feedKeys.feedTokens }),
  });
}

/** DELETE /feed-tokens/{id}: feeds read with it answer 404 from now on. */
export function useRevokeFeedToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<void>(`/feed-tokens/${id}`, { method: 'DELETE' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: feedKeys.feedTokens }),
  });
}
