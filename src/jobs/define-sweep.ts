import type { Db } from '../db/schema/index.js';
import type { Logger } from '../http/logger.js';

/**
 * Work the runner looks for itself, at its start and then every `everyMs`, instead of waiting for new input to
 * queue it: e.g. deliveries left pending with no job to derive them. `run` queues what it finds and says how many
 * jobs it queued.
 */
export interface Sweep {
  name: string;
  everyMs: number;
  run(context: { db: Db; logger: Logger }): Promise<number>;
}

export function defineSweep(sweep: Sweep): Sweep {
  return sweep;
}
