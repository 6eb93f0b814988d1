import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.js';
import type { SearchResponse } from '../../api/types.js';
import { keys } from './keys.js';

/** GET /search: teams, services, capabilities and people matching the text, best first. */
export function useSearch(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: keys.search(text),
    queryFn: ({ signal }) => api<SearchResponse>(withQuery('/search', { q: text, limit: 50 }), { signal }),
    enabled: text.length > 0,
  });
}
