import { announceRelease } from './announcements/fan-out.js';
import type { ReleaseFollowUp } from './published.js';

/** What runs after a release is published or changed, in this order (each safe to run again). */
export const FOLLOW_UPS: { name: string; run: ReleaseFollowUp }[] = [
  // One announcement per matching subscription, each delivered by its own job (announcements/).
  { name: 'announcements', run: announceRelease },
];
