import type { Db } from '../../../db/schema/index.js';
import { notFound } from '../../../http/errors.js';
import { validationError } from '../../../http/router.js';
import type { Actor } from '../../audit/actor.js';
import { diffFields, recordAudit } from '../../audit/service.js';
import { moveProblemLinks } from '../roadmap/repo.js';
import { auditState } from './problem-view.js';
import { deleteProblem, lockProblem, moveItems } from './repo.js';

/**
 * Merges problem `from` into problem `id`: its items move over, roadmap items that named it name `id` instead, and
 * `from` is deleted (the audit trail keeps what it was). `id` keeps its own title, capability and RICE.
 */
export async function mergeProblems(tx: Db, who: Actor, id: number, from: number): Promise<void> {
  if (from === id) throw validationError([{ field: 'from', reason: 'must be another problem than this one' }]);
  // Locked in id order, so two merges of the same pair cannot wait on each other.
  const locked = new Map<number, boolean>();
  for (const each of [id, from].sort((a, b) => a - b)) locked.set(each, Boolean(await lockProblem(tx, each)));
  if (!locked.get(id)) throw notFound(`problem ${id}`);
  if (!locked.get(from)) throw validationError([{ field: 'from', reason: `there is no problem ${from}` }]);

  const before = await auditState(tx, id);
  const merged = await auditState(tx, from);
  await moveItems(tx, from, id);
  await moveProblemLinks(tx, from, id);
  await deleteProblem(tx, from);
  const after = await auditState(tx, id);
  await recordAudit(tx, who, [
    {
      action: 'update',
      entity: { kind: 'problem', id, ref: null },
      summary: `Problem ${from} "${String(merged?.title)}" merged into problem ${id} "${String(after?.title)}"`,
      changes: diffFields(before, after),
    },
    {
      action: 'delete',
      entity: { kind: 'problem', id: from, ref: null },
      summary: `Problem ${from} "${String(merged?.title)}" merged into problem ${id}`,
      changes: diffFields(merged, null),
    },
  ]);
}
