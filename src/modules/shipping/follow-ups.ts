import type { ReleaseFollowUp } from './published.js';
import { affectedFollowUp } from './migrations/affected.js';

/** What runs after a release is published or changed, in this order (each safe to run again). */
export const FOLLOW_UPS: { name: string; run: ReleaseFollowUp }[] = [
  { name: 'affected', run: (db, releaseId, logger) => affectedFollowUp(db, releaseId, logger) },
];
