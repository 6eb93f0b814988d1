/** Release query keys: a write invalidates every list and the release itself. */
export const releaseKeys = {
  all: ['releases'] as const,
  list: (filters: object) => ['releases', 'list', filters] as const,
  capability: (name: string) => ['releases', 'capability', name] as const,
  one: (id: number) => ['releases', 'one', id] as const,
};
