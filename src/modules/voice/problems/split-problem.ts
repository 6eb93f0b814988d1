import type { Db } from '../../../db/schema/index.js';
import { notFound } from '../../../http/errors.js';
import type { Actor } from '../../audit/actor.js';
import { diffFields, recordAudit } from '../../audit/service.js';
import type { ItemRef } from './contract.js';
import { assertIn, lockNamedItems } from './item-refs.js';
import { auditState } from './problem-view.js';
import { insertProblem, lockProblem, setProblemOf } from './repo.js';

/**
 * Moves some of a problem's items to a new problem (same capability, no RICE yet: its reach differs), in the caller's
 * transaction; returns the new problem's id. Items not in this problem are refused (400 naming each).
 */
export async function splitProblem(
  tx: Db,
  who: Actor,
  id: number,
  input: { items: ItemRef[]; title: string },
): Promise<number> {
  const source = await lockProblem(tx, id);
  if (!source) throw notFound(`problem ${id}`);
  const items = await lockNamedItems(tx, input.items, 'items');
  assertIn(items, id);
  const before = await auditState(tx, id);
  const row = await insertProblem(tx, {
    title: input.title,
    description: null,
    capability_id: source.capability_id,
    impact: null,
    confidence: null,
    effort: null,
    created_by: who.name,
  });
  await setProblemOf(
    tx,
    items.map((i) => i.id),
    row.id,
  );
  await recordAudit(tx, who, [
    {
      action: 'update',
      entity: { kind: 'problem', id, ref: null },
      summary: `Problem "${source.title}" split: ${items.length} item(s) moved to problem ${row.id}`,
      changes: diffFields(before, await auditState(tx, id)),
    },
    {
      action: 'create',
      entity: { kind: 'problem', id: row.id, ref: null },
      summary: `Problem "${row.title}" split from problem ${id}`,
      changes: diffFields(null, await auditState(tx, row.id)),
    },
  ]);
  return row.id;
}
