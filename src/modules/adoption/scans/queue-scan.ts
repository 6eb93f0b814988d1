import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema/index.js';
import { inTransaction } from '../../../db/transaction.js';
import { enqueueJob } from '../../../jobs/queue.js';
import type { Actor } from '../../audit/actor.js';
import { recordAudit } from '../../audit/service.js';
import { RUN_SCAN } from './jobs.js';
import * as repo from './repo.js';

/** Records the scan as queued and queues its job, in one transaction; the run is recorded when it finishes. */
export async function queueScan(
  db: Kysely<Database>,
  input: { root: string; within?: string; history: boolean },
  who: Actor,
) {
  return inTransaction(db, async (tx) => {
    const { id } = await repo.insertScan(tx, {
      root: input.root,
      history: input.history,
      status: 'queued',
      requestedBy: who.name,
    });
    await enqueueJob(
      tx,
      RUN_SCAN,
      { scanId: id, ...input, actor: { name: who.name, person: who.person, tokenId: who.tokenId } },
      { maxAttempts: 1 },
    );
    await recordAudit(tx, who, {
      action: 'queue',
      entity: { kind: 'scan', id, ref: null },
      summary: `Queued a scan of ${input.root}${input.history ? ' with history' : ''}`,
    });
    return id;
  });
}
