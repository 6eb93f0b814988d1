import type { ReleaseFollowUp } from './published.js';
import { notifyRelease } from './notifications/notify/notify-release.js';

/** What runs after a release is published or changed, in this order (each safe to run again). */
export const FOLLOW_UPS: { name: string; run: ReleaseFollowUp }[] = [
  // People's in-app notifications: followers, who asked for what it closes, teams that must migrate.
  { name: 'notify', run: notifyRelease },
];
