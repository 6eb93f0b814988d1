import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { Attention } from '../../api/types.js';
import { keys } from './keys.js';

/** GET /overview/attention: unmapped facts, failed deliveries, stale and failed repository scans. */
export function useAttention() {
  return useQuery({
    queryKey: keys.attention,
    queryFn: ({ signal }) => api<Attention>('/overview/attention', { signal }),
  });
}
