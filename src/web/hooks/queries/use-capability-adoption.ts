import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.js';
import type { AdoptionInterval, CapabilityAdoption } from '../../api/types.js';
import { keys } from './keys.js';

export interface AdoptionRange {
  /** YYYY-MM-DD; the server's default (two years) when absent. */
  from?: string | undefined;
  interval: AdoptionInterval;
}

/** GET /capabilities/{name}/adoption; keeps the last answer on screen while a new range loads. */
export function useCapabilityAdoption(name: string, range: AdoptionRange, namespace = 'default') {
  const query = {
    from: range.from,
    interval: range.interval,
    namespace: namespace === 'default' ? undefined : namespace,
  };
  return useQuery({
    queryKey: keys.capabilityAdoption(namespace, name, query),
    queryFn: ({ signal }) =>
      api<CapabilityAdoption>(withQuery(`/capabilities/${encodeURIComponent(name)}/adoption`, query), { signal }),
    placeholderData: keepPreviousData,
  });
}
