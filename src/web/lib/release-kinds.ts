import type { Tone } from '../components/Badge.js';
import type { ReleaseType } from '../api/release-types.js';
import { itemPath } from './voice-kinds.js';

/** Each release type: its badge and what it means to the teams that read it. */
export const RELEASE_TYPE_INFO: Record<ReleaseType, { label: string; tone: Tone; meaning: string }> = {
  feature: { label: 'Feature', tone: 'accent', meaning: 'something new you can use; nothing you rely on changes' },
  fix: { label: 'Fix', tone: 'success', meaning: 'a bug fixed; nothing to do unless you worked around it' },
  security: { label: 'Security', tone: 'info', meaning: 'a security fix: update soon' },
  deprecation: {
    label: 'Deprecation',
    tone: 'warning',
    meaning: 'something is going away: it still works, but move off it before the deadline',
  },
  breaking: {
    label: 'Breaking',
    tone: 'danger',
    meaning: 'something you may use changed or stopped working: act before the deadline',
  },
};

export const RELEASE_TYPE_LIST = Object.keys(RELEASE_TYPE_INFO) as ReleaseType[];

/** Types that take something away: they carry a deadline and the rules that find the old usage. */
export const takesAway = (type: ReleaseType) => type === 'breaking' || type === 'deprecation';

/** Where an item a release closes is shown. */
export function closedItemPath(kind: 'request' | 'bug' | 'roadmap', id: number): string {
  return kind === 'roadmap' ? '/voice/roadmap' : itemPath(kind, id);
}
