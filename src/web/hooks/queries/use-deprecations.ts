import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { Deprecation } from '../../../modules/shipping/migrations/contract.js';

/** GET /deprecations: deprecation and breaking releases with their migration's headline numbers. */
export function useDeprecations() {
  return useQuery({
    queryKey: ['shipping', 'deprecations'],
    queryFn: ({ signal }) => api<{ items: Deprecation[] }>('/deprecations', { signal }),
  });
}
