import type { ReleaseFollowUp } from './follow-up.js';
import { announceRelease } from './announcements/fan-out.js';
import { affectedFollowUp } from './migrations/affected.js';
import { notifyRelease } from './notifications/notify/notify-release.js';

/** What runs after a release is published or changed, in this order (each safe to run again). */
export const FOLLOW_UPS: { name: string; run: ReleaseFollowUp }[] = [
  // A deprecation's or breaking change's affected services, fixed from the evidence at the release.
  { name: 'affected', run: (db, releaseId, logger) => affectedFollowUp(db, releaseId, logger) },
  // People's in-app notifications: followers, who asked for what it closes, teams that must migrate.
  { name: 'notify', run: notifyRelease },
  // One announcement per matching subscription, each delivered by its own job (announcements/).
  { name: 'announcements', run: announceRelease },
];
