import type { ListFilters, ServicePage } from '../../api/types.js';
import { keys } from './keys.js';
import { usePaged } from './paged.js';

/** GET /services, page by page. */
export function useServices(filters: ListFilters) {
  return usePaged<ServicePage>(keys.services(filters), '/services', filters);
}
