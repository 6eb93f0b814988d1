/** Query keys of the SLA, support and contact pages (see keys.ts for the rest), so a write invalidates exactly them. */
export const voiceDashboardKeys = {
  summary: (query: object) => ['voice-summary', query] as const,
  series: (query: object) => ['voice-series', query] as const,
  coverage: ['contact-coverage'] as const,
  conversations: (query: object) => ['conversations', query] as const,
  conversationsAll: ['conversations'] as const,
  engagements: (team: string | undefined) => ['engagements', team ?? null] as const,
  engagementsAll: ['engagements'] as const,
  teamVoice: (team: string) => ['team-voice', team] as const,
  teamVoiceAll: ['team-voice'] as const,
  sla: (capability: string) => ['capability-sla', capability] as const,
  categories: ['support-categories'] as const,
  items: (path: string, filters: object) => ['voice-items', path, filters] as const,
};
