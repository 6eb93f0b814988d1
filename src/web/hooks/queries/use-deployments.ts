import type { DeploymentListQuery, DeploymentPage } from '../../api/types.js';
import { keys } from './keys.js';
import { usePaged } from './paged.js';
import type { DoraQuery } from './use-dora.js';

export type DeploymentFilters = DoraQuery & Pick<DeploymentListQuery, 'failed' | 'rework'>;

/** GET /deployments: the production deployments behind the numbers, newest first, page by page. */
export function useDeployments(filters: DeploymentFilters) {
  return usePaged<DeploymentPage>(keys.deployments(filters), '/deployments', filters);
}
