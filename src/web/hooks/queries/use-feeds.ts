import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { FeedList } from '../../api/shipping-feed-types.js';
import { feedKeys } from './feed-keys.js';

/** GET /feeds: the feeds the signed-in person may read, their URLs with a {token} placeholder. */
export function useFeeds() {
  return useQuery({ queryKey: feedKeys.feeds, queryFn: ({ signal }) => api<FeedList>('/feeds', { signal }) });
}
