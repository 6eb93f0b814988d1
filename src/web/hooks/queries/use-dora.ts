import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.js';
import type { Dora } from '../../api/types.js';
import { keys } from './keys.js';

export interface DoraQuery {
  scope: string;
  /** ISO times: the period [from, to). */
  from: string;
  to: string;
}

/** GET /dora: the four key metrics, rework rate and incident recovery time for a scope and period. */
export function useDora(query: DoraQuery) {
  return useQuery({
    queryKey: keys.dora(query),
    queryFn: ({ signal }) => api<Dora>(withQuery('/dora', { ...query }), { signal }),
    placeholderData: keepPreviousData,
  });
}
