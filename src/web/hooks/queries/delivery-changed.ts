import type { QueryClient } from '@tanstack/react-query';
import { keys } from './keys.js';

/** After facts are mapped or derived again: every delivery number and list may have moved. */
export function invalidateDelivery(client: QueryClient) {
  for (const key of ['dora', 'dora-series', 'deployments', 'incidents', 'deliveries'])
    void client.invalidateQueries({ queryKey: [key] });
  void client.invalidateQueries({ queryKey: keys.unmapped });
}
