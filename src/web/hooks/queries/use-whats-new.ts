import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.js';
import type { WhatsNew } from '../../api/shipping-feed-types.js';
import { feedKeys } from './feed-keys.js';
import { usePaged } from './paged.js';

const path = (team: string) => `/teams/${encodeURIComponent(team)}/whats-new`;

/** GET /teams/{name}/whats-new, page by page: what touches the team first, then newest first. */
export function useWhatsNew(team: string) {
  return usePaged<WhatsNew>(feedKeys.whatsNew(team), path(team), {});
}

/** The first few of a team's news (the team page). */
export function useTopNews(team: string, limit: number) {
  return useQuery({
    queryKey: feedKeys.whatsNew(team, limit),
    queryFn: ({ signal }) => api<WhatsNew>(withQuery(path(team), { limit }), { signal }),
  });
}
