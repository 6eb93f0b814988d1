import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { SupportCategory } from '../../api/voice-dashboard-types.js';
import { voiceDashboardKeys } from './voice-dashboard-keys.js';

/** GET /support/categories: categories in use and the self-service capability each may name. */
export function useSupportCategories() {
  return useQuery({
    queryKey: voiceDashboardKeys.categories,
    queryFn: ({ signal }) => api<{ items: SupportCategory[] }>('/support/categories', { signal }),
  });
}
