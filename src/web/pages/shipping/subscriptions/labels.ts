import type { ReleaseType, Subscription } from '../../../api/subscription-types.js';

export const KIND_LABELS: Record<Subscription['kind'], string> = {
  slack: 'Slack channel',
  teams: 'Microsoft Teams channel',
  webhook: 'Signed webhook',
};

export const TYPE_LABELS: Record<ReleaseType, string> = {
  feature: 'Feature',
  fix: 'Fix',
  breaking: 'Breaking change',
  deprecation: 'Deprecation',
  security: 'Security',
};

/** The filter in words: "ci, db · news for payments · Breaking change, Deprecation", or "Every release". */
export function filterText(filter: Subscription['filter']): string {
  const parts = [
    filter.capabilities?.join(', '),
    filter.team ? `news for ${filter.team}` : undefined,
    filter.types?.map((t) => TYPE_LABELS[t]).join(', '),
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'Every release';
}
