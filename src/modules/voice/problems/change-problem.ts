import type { Updateable } from 'kysely';
import type { Db } from '../../../db/schema/index.js';
import type { ProblemsTable } from '../../../db/schema/voice.js';
import { notFound } from '../../../http/errors.js';
import type { Actor } from '../../audit/actor.js';
import { diffFields, recordAudit } from '../../audit/service.js';
import { capabilityIdOf } from './catalog-names.js';
import type { problemPatch } from './contract.js';
import type { z } from '@hono/zod-openapi';
import { assertFree, assertIn, lockNamedItems } from './item-refs.js';
import { auditState } from './problem-view.js';
import { lockProblem, setProblemOf, updateProblem } from './repo.js';

export type ProblemPatch = z.infer<typeof problemPatch>;

/**
 * Changes a problem's fields and links or unlinks items by hand, in the caller's transaction, with its audit entry.
 * Any refused part (an unknown item, an item in another problem, an item to remove that is not here) writes nothing.
 */
export async function changeProblem(tx: Db, who: Actor, id: number, patch: ProblemPatch): Promise<void> {
  if (!(await lockProblem(tx, id))) throw notFound(`problem ${id}`);
  const before = await auditState(tx, id);
  const capability = await capabilityIdOf(tx, patch.capability);
  const removed = await lockNamedItems(tx, patch.removeItems ?? [], 'removeItems');
  assertIn(removed, id);
  const added = await lockNamedItems(tx, patch.addItems ?? [], 'addItems');
  assertFree(added, id);

  const changes: Updateable<ProblemsTable> = {};
  if (patch.title !== undefined) changes.title = patch.title;
  if (patch.description !== undefined) changes.description = patch.description;
  if (capability) changes.capability_id = capability.id;
  if (patch.status !== undefined) changes.status = patch.status;
  for (const field of ['impact', 'confidence', 'effort'] as const)
    if (patch[field] !== undefined) changes[field] = patch[field];
  await updateProblem(tx, id, changes);
  await setProblemOf(
    tx,
    removed.map((i) => i.id),
    null,
  );
  await setProblemOf(
    tx,
    added.map((i) => i.id),
    id,
  );
  const after = await auditState(tx, id);
  await recordAudit(tx, who, {
    action: 'update',
    entity: { kind: 'problem', id, ref: null },
    summary: `Problem "${String(after?.title)}" changed`,
    changes: diffFields(before, after),
  });
}
