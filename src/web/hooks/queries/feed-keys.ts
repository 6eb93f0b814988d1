/** Query keys of what's new and the feeds. */
export const feedKeys = {
  whatsNew: (team: string, limit?: number) => ['whats-new', team, limit ?? 'paged'] as const,
  feeds: ['feeds'] as const,
  feedTokens: ['feed-tokens'] as const,
};
