import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.js';
import type { Dora, DoraQueryInput } from '../../api/types.js';
import { keys } from './keys.js';

/** The delivery endpoints' query with every part sent: the scope, and the period [from, to) as ISO times. */
export type DoraQuery = Required<DoraQueryInput>;

/** GET /dora: the four key metrics, rework rate and incident recovery time for a scope and period. */
export function useDora(query: DoraQuery) {
  return useQuery({
    queryKey: keys.dora(query),
    queryFn: ({ signal }) => api<Dora>(withQuery('/dora', { ...query }), { signal }),
    placeholderData: keepPreviousData,
  });
}
