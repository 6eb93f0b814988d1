import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema/index.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Actor } from '../../audit/actor.js';
import { countsText, recordAudit } from '../../audit/service.js';
import { remapFacts, type RemapCounts } from './repo.js';

/** Maps unmapped facts again (the "Map again" button), recording who did and how many facts gained a service. */
export async function remapFactsFor(db: Kysely<Database>, who: Actor): Promise<RemapCounts> {
  return inTransaction(db, async (tx) => {
    const counts = await remapFacts(tx);
    await recordAudit(tx, who, {
      action: 'remap',
      entity: { kind: 'facts', id: null, ref: null },
      summary: `Mapped facts to services again: ${countsText({ ...counts })}`,
    });
    return counts;
  });
}
