import type { Kysely } from 'kysely';
import type { EntityRow } from '../../db/schema/entities.js';
import type { Database } from '../../db/schema/index.js';
import { inTransaction } from '../../db/transaction.js';
import type { Actor } from '../audit/actor.js';
import { diffFields, recordAudit } from '../audit/service.js';
import * as repo from './repo.js';

/** A team says it uses (or stopped using) a capability; recorded with its audit entry. Returns the declaration id. */
export async function declare(
  db: Kysely<Database>,
  capability: EntityRow,
  team: EntityRow,
  input: { status: 'using' | 'stopped'; date: Date; note: string | null },
  actor: Actor,
): Promise<number> {
  return inTransaction(db, async (tx) => {
    const { id } = await repo.insertDeclaration(tx, {
      capabilityId: capability.id,
      teamId: team.id,
      status: input.status,
      effectiveAt: input.date,
      note: input.note,
      declaredBy: actor.name,
    });
    await recordAudit(tx, actor, {
      action: 'create',
      entity: { kind: 'declaration', id, ref: capability.ref },
      summary: `${team.name} declared ${input.status === 'using' ? 'using' : 'they stopped using'} ${capability.name} from ${input.date.toISOString().slice(0, 10)}`,
      changes: diffFields(null, {
        team: team.ref,
        status: input.status,
        date: input.date.toISOString(),
        note: input.note,
      }),
    });
    return id;
  });
}
