import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.js';
import type { ImportList } from '../../api/types.js';
import { keys } from './keys.js';

/** GET /imports: recent imports, newest first; polls while one is queued or running. */
export function useImports(limit = 50) {
  return useQuery({
    queryKey: keys.imports,
    queryFn: ({ signal }) => api<ImportList>(withQuery('/imports', { limit }), { signal }),
    refetchInterval: (query) =>
      query.state.data?.items.some((i) => i.status === 'queued' || i.status === 'running') ? 3000 : false,
  });
}
