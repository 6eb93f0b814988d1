import { useInfiniteQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.js';

export const PAGE_SIZE = 24;

/** A cursor-paginated list endpoint (its page type from the contract) as an infinite query: `items` is every page loaded so far. */
export function usePaged<P extends { items: unknown[]; nextCursor: string | null }>(
  key: readonly unknown[],
  path: string,
  filters: object,
) {
  const query = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam, signal }) =>
      api<P>(
        withQuery(path, { ...(filters as Record<string, string | undefined>), limit: PAGE_SIZE, cursor: pageParam }),
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items: P['items'] = query.data?.pages.flatMap((p) => p.items) ?? [];
  return { ...query, items };
}
