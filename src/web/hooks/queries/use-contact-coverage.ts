import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { ContactCoverage } from '../../api/voice-dashboard-types.js';
import { voiceDashboardKeys } from './voice-dashboard-keys.js';

/** GET /contact-coverage: customer teams talked with in the last 90 days, per platform team, and whom to talk to next. */
export function useContactCoverage() {
  return useQuery({
    queryKey: voiceDashboardKeys.coverage,
    queryFn: ({ signal }) => api<ContactCoverage>('/contact-coverage', { signal }),
  });
}
