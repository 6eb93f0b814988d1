import type { Db } from '../../../db/schema/index.js';
import type { ProblemRow } from '../../../db/schema/voice.js';
import type { Actor } from '../../audit/actor.js';
import { diffFields, recordAudit } from '../../audit/service.js';
import { capabilityIdOf } from './catalog-names.js';
import type { ItemRef } from './contract.js';
import { assertFree, lockNamedItems } from './item-refs.js';
import { auditState } from './problem-view.js';
import { insertProblem, setProblemOf } from './repo.js';

export interface NewProblem {
  title: string;
  description?: string | null | undefined;
  capability?: string | null | undefined;
  items: ItemRef[];
  status?: ProblemRow['status'] | undefined;
  impact?: number | null | undefined;
  confidence?: number | null | undefined;
  effort?: number | null | undefined;
}

/**
 * Creates a problem with its items, in the caller's transaction, with its audit entry. Items already in a problem
 * are refused (409 naming them), unknown items too (400): nothing is written then.
 */
export async function createProblem(tx: Db, who: Actor, input: NewProblem, why = 'created'): Promise<number> {
  const capability = await capabilityIdOf(tx, input.capability);
  const items = await lockNamedItems(tx, input.items, 'items');
  assertFree(items, null);
  const row = await insertProblem(tx, {
    title: input.title,
    description: input.description ?? null,
    capability_id: capability?.id ?? null,
    ...(input.status ? { status: input.status } : {}),
    impact: input.impact ?? null,
    confidence: input.confidence ?? null,
    effort: input.effort ?? null,
    created_by: who.name,
  });
  await setProblemOf(
    tx,
    items.map((i) => i.id),
    row.id,
  );
  await recordAudit(tx, who, {
    action: 'create',
    entity: { kind: 'problem', id: row.id, ref: null },
    summary: `Problem "${row.title}" ${why} with ${items.length} item${items.length === 1 ? '' : 's'}`,
    changes: diffFields(null, await auditState(tx, row.id)),
  });
  return row.id;
}
