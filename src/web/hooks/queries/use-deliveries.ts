import type { DeliveryPage, DeliveryStatus, FactSource } from '../../api/types.js';
import { keys } from './keys.js';
import { usePaged } from './paged.js';

export interface DeliveryFilters {
  status?: DeliveryStatus | undefined;
  source?: FactSource | undefined;
}

/** GET /deliveries: stored webhook deliveries, newest first, page by page. */
export function useDeliveries(filters: DeliveryFilters) {
  return usePaged<DeliveryPage>(keys.deliveries(filters), '/deliveries', filters);
}
