import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { SupportCategory } from '../../api/voice-dashboard-types.js';
import { voiceDashboardKeys } from './voice-dashboard-keys.js';

/** PUT /support/categories/{category}: names the capability that made the category self-service (null unlinks). */
export function useLinkCategory() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ category, capability }: { category: string; capability: string | null }) =>
      api<SupportCategory>(`/support/categories/${encodeURIComponent(category)}`, {
        method: 'PUT',
        body: { capability },
      }),
    onSuccess: () =>
      Promise.all(
        [voiceDashboardKeys.categories, ['voice-summary']].map((queryKey) => client.invalidateQueries({ queryKey })),
      ),
  });
}
