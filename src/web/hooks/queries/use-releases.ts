import type { ReleasePage } from '../../api/release-types.js';
import { usePaged } from './paged.js';
import { releaseKeys } from './release-keys.js';

export interface ReleaseFilters {
  capability?: string | undefined;
  /** Comma-separated release types. */
  type?: string | undefined;
  q?: string | undefined;
}

/** GET /releases: every capability's releases, newest first, page by page. */
export function useReleases(filters: ReleaseFilters) {
  return usePaged<ReleasePage>(releaseKeys.list(filters), '/releases', filters);
}
