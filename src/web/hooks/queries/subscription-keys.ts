/** Announcement subscriptions' query keys: a write invalidates the list and every delivery log under `all`. */
export const subscriptionKeys = {
  all: ['subscriptions'] as const,
  list: ['subscriptions', 'list'] as const,
  deliveries: (id: number) => ['subscriptions', 'deliveries', id] as const,
};
