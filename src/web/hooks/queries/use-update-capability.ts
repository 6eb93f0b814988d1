import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.js';
import type { CapabilityDetail, CapabilityPatch } from '../../api/types.js';
import { keys } from './keys.js';

/** PATCH /capabilities/{name} (admins); `null` clears gaDate, docs or category. */
export function useUpdateCapability(name: string, namespace = 'default') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CapabilityPatch) =>
      api<CapabilityDetail>(
        withQuery(`/capabilities/${encodeURIComponent(name)}`, {
          namespace: namespace === 'default' ? undefined : namespace,
        }),
        {
          method: 'PATCH',
          body,
        },
      ),
    onSuccess: (detail) => {
      client.setQueryData(keys.capability(namespace, name), detail);
      void client.invalidateQueries({ queryKey: ['capabilities'] });
      void client.invalidateQueries({ queryKey: keys.overview });
      void client.invalidateQueries({ queryKey: ['team'] });
      void client.invalidateQueries({ queryKey: ['search'] });
    },
  });
}
