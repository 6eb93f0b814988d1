import type { TeamPage, TeamFilters } from '../../api/types.js';
import { keys } from './keys.js';
import { usePaged } from './paged.js';

/** GET /teams, page by page. */
export function useTeams(filters: TeamFilters) {
  return usePaged<TeamPage>(keys.teams(filters), '/teams', filters);
}
