import type { IncidentRow } from '../../api/types.js';
import { keys } from './keys.js';
import { usePaged } from './paged.js';
import type { DoraQuery } from './use-dora.js';

export interface IncidentFilters extends DoraQuery {
  status?: 'open' | 'resolved' | undefined;
}

/** GET /incidents: incidents triggered in the period, newest first, page by page. */
export function useIncidents(filters: IncidentFilters) {
  return usePaged<IncidentRow>(keys.incidents(filters), '/incidents', filters);
}
