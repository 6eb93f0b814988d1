import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.js';
import type { CapabilityDetail } from '../../api/types.js';
import { keys } from './keys.js';

/** GET /capabilities/{name}. */
export function useCapability(name: string, namespace = 'default', enabled = true) {
  return useQuery({
    queryKey: keys.capability(namespace, name),
    queryFn: ({ signal }) =>
      api<CapabilityDetail>(
        withQuery(`/capabilities/${encodeURIComponent(name)}`, {
          namespace: namespace === 'default' ? undefined : namespace,
        }),
        { signal },
      ),
    enabled,
  });
}
