/** Voice query keys (feedback items, problems, backlog, roadmap), so a write invalidates exactly what it changes. */
export const voiceKeys = {
  /** Everything below: a vote or a problem change moves reach, the backlog and the roadmap at once. */
  all: ['voice'] as const,
  items: (kind: string, filters: object) => ['voice', 'items', kind, filters] as const,
  item: (kind: string, id: number) => ['voice', 'item', kind, id] as const,
  comments: (kind: string, id: number) => ['voice', 'comments', kind, id] as const,
  similar: (query: object) => ['voice', 'similar', query] as const,
  inbox: ['voice', 'inbox'] as const,
  suggestions: ['voice', 'suggestions'] as const,
  unplaced: ['voice', 'unplaced'] as const,
  problems: (filters: object) => ['voice', 'problems', filters] as const,
  problem: (id: number) => ['voice', 'problem', id] as const,
  backlog: ['voice', 'backlog'] as const,
  roadmap: (filters: object) => ['voice', 'roadmap', filters] as const,
};
