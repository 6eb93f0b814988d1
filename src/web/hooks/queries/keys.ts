/** Query keys in one place, so mutations invalidate exactly what they change. */
export const keys = {
  me: ['me'] as const,
  overview: ['overview'] as const,
  teams: (filters: object) => ['teams', filters] as const,
  team: (namespace: string, name: string) => ['team', namespace, name] as const,
  services: (filters: object) => ['services', filters] as const,
  service: (namespace: string, name: string) => ['service', namespace, name] as const,
  capabilities: (filters: object) => ['capabilities', filters] as const,
  capability: (namespace: string, name: string) => ['capability', namespace, name] as const,
  search: (q: string) => ['search', q] as const,
  imports: ['imports'] as const,
  capabilityAdoption: (namespace: string, name: string, query: object) =>
    ['capability-adoption', namespace, name, query] as const,
  adoptionMatrix: ['adoption-matrix'] as const,
  teamAdoption: (namespace: string, name: string) => ['team-adoption', namespace, name] as const,
  mandates: (name: string) => ['mandates', name] as const,
  dora: (query: object) => ['dora', query] as const,
  doraSeries: (query: object) => ['dora-series', query] as const,
  deployments: (query: object) => ['deployments', query] as const,
  incidents: (query: object) => ['incidents', query] as const,
  unmapped: ['unmapped'] as const,
  deliveries: (query: object) => ['deliveries', query] as const,
};
