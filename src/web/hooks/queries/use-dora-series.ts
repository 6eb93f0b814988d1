import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.js';
import type { DoraInterval, DoraSeries } from '../../api/types.js';
import { keys } from './keys.js';
import type { DoraQuery } from './use-dora.js';

/** GET /dora/series: the same metrics per calendar week or month, for the trend charts. */
export function useDoraSeries(query: DoraQuery & { interval: DoraInterval }) {
  return useQuery({
    queryKey: keys.doraSeries(query),
    queryFn: ({ signal }) => api<DoraSeries>(withQuery('/dora/series', { ...query }), { signal }),
    placeholderData: keepPreviousData,
  });
}
