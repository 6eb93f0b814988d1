import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { Migration } from '../../../modules/shipping/migrations/contract.js';

/** GET /releases/{id}/migration: affected services by team with evidence, the burn-down, late teams. */
export function useMigration(id: number) {
  return useQuery({
    queryKey: ['shipping', 'deprecations', id],
    queryFn: ({ signal }) => api<Migration>(`/releases/${id}/migration`, { signal }),
  });
}
