import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.js';
import type { AdoptionChanges } from '../../api/types.js';
import { keys } from './keys.js';

/** GET /adoption/changes: each capability's adopting teams now and `days` ago, its curve, the movers. */
export function useAdoptionChanges(days = 90) {
  return useQuery({
    queryKey: keys.adoptionChanges(days),
    queryFn: ({ signal }) => api<AdoptionChanges>(withQuery('/adoption/changes', { days }), { signal }),
  });
}
