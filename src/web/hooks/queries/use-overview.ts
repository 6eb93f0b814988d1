import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { Overview } from '../../api/types.js';
import { keys } from './keys.js';

/** GET /overview: the headline numbers on the home page. */
export function useOverview() {
  return useQuery({ queryKey: keys.overview, queryFn: ({ signal }) => api<Overview>('/overview', { signal }) });
}
