import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { AdoptionMatrix } from '../../api/types.js';
import { keys } from './keys.js';

/** GET /adoption/matrix: customer teams × capabilities, for the heatmap and the home page. */
export function useAdoptionMatrix() {
  return useQuery({
    queryKey: keys.adoptionMatrix,
    queryFn: ({ signal }) => api<AdoptionMatrix>('/adoption/matrix', { signal }),
  });
}
