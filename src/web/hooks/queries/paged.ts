import { useInfiniteQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.js';
import type { Page } from '../../api/types.js';

export const PAGE_SIZE = 24;

/** A cursor-paginated list endpoint as an infinite query: `items` is every page loaded so far. */
export function usePaged<T>(key: readonly unknown[], path: string, filters: object) {
  const query = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam, signal }) =>
      api<Page<T>>(withQuery(path, { ...(filters as Record<string, string | undefined>), limit: PAGE_SIZE, cursor: pageParam }), { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return { ...query, items };
}
