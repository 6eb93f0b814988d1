import type { DeploymentRow } from '../../api/types.js';
import { keys } from './keys.js';
import { usePaged } from './paged.js';
import type { DoraQuery } from './use-dora.js';

export interface DeploymentFilters extends DoraQuery {
  failed?: 'true' | undefined;
  rework?: 'true' | undefined;
}

/** GET /deployments: the production deployments behind the numbers, newest first, page by page. */
export function useDeployments(filters: DeploymentFilters) {
  return usePaged<DeploymentRow>(keys.deployments(filters), '/deployments', filters);
}
