import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.js';
import type { ServiceDetail } from '../../api/types.js';
import { keys } from './keys.js';

/** GET /services/{name}. */
export function useService(name: string, namespace = 'default') {
  return useQuery({
    queryKey: keys.service(namespace, name),
    queryFn: ({ signal }) =>
      api<ServiceDetail>(
        withQuery(`/services/${encodeURIComponent(name)}`, {
          namespace: namespace === 'default' ? undefined : namespace,
        }),
        { signal },
      ),
  });
}
