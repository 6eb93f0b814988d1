import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { UnmappedList } from '../../api/types.js';
import { keys } from './keys.js';

/** GET /unmapped: outside names (repositories, PagerDuty services) whose facts map to no service. */
export function useUnmapped() {
  return useQuery({ queryKey: keys.unmapped, queryFn: ({ signal }) => api<UnmappedList>('/unmapped', { signal }) });
}
