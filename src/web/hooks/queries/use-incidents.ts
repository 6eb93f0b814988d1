import type { IncidentListQuery, IncidentPage } from '../../api/types.js';
import { keys } from './keys.js';
import { usePaged } from './paged.js';
import type { DoraQuery } from './use-dora.js';

export type IncidentFilters = DoraQuery & Pick<IncidentListQuery, 'status'>;

/** GET /incidents: incidents triggered in the period, newest first, page by page. */
export function useIncidents(filters: IncidentFilters) {
  return usePaged<IncidentPage>(keys.incidents(filters), '/incidents', filters);
}
