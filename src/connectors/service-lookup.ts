export interface MappedService {
  id: number;
  /** The service's `paved.dev/deploy-workflows` annotation, null when it has none. */
  deployWorkflows: string | null;
}

/** How derivation finds the catalog's service for an outside name; answers are kept for the lookup's life. */
export interface ServiceLookup {
  /** The active service whose `github.com/project-slug` (or `gitlab.com/project-slug`) names this repository. */
  repository(provider: 'github' | 'gitlab', slug: string): Promise<MappedService | null>;
  /** The active service whose `pagerduty.com/service-id` is this PagerDuty service. */
  pagerDuty(serviceId: string): Promise<number | null>;
}
