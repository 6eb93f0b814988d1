import type { Db } from '../../db/schema/index.js';
import type { Logger } from '../../http/logger.js';

/** Work that follows a release being published or changed; must be safe to run again (the job retries it). */
export type ReleaseFollowUp = (db: Db, releaseId: number, logger: Logger) => Promise<void>;
