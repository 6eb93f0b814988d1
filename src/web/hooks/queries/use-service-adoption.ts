import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.js';
import type { ServiceAdoption } from '../../api/types.js';
import { keys } from './keys.js';

/** GET /services/{name}/adoption: the capabilities a service uses or used, with the evidence. */
export function useServiceAdoption(name: string, namespace = 'default') {
  return useQuery({
    queryKey: keys.serviceAdoption(namespace, name),
    queryFn: ({ signal }) =>
      api<ServiceAdoption>(
        withQuery(`/services/${encodeURIComponent(name)}/adoption`, {
          namespace: namespace === 'default' ? undefined : namespace,
        }),
        { signal },
      ),
  });
}
