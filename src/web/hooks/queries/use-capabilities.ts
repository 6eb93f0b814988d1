import type { CapabilityPage, ListFilters } from '../../api/types.js';
import { keys } from './keys.js';
import { usePaged } from './paged.js';

/** GET /capabilities, page by page. */
export function useCapabilities(filters: ListFilters) {
  return usePaged<CapabilityPage>(keys.capabilities(filters), '/capabilities', filters);
}
