import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { MandateList } from '../../api/types.js';
import { keys } from './keys.js';

/** GET /capabilities/{name}/mandates. */
export function useMandates(name: string) {
  return useQuery({
    queryKey: keys.mandates(name),
    queryFn: ({ signal }) => api<MandateList>(`/capabilities/${encodeURIComponent(name)}/mandates`, { signal }),
  });
}
