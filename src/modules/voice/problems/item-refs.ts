import type { Db } from '../../../db/schema/index.js';
import type { FeedbackKind } from '../../../db/schema/voice.js';
import { AppError } from '../../../http/errors.js';
import { validationError } from '../../../http/router.js';
import type { ItemRef } from './contract.js';
import { lockItems } from './repo.js';

export interface LockedItem {
  id: number;
  kind: FeedbackKind;
  title: string;
  problem_id: number | null;
  /** Where the body named it: `items[2]`. */
  field: string;
}

const named = (item: { kind: string; id: number }) => `${item.kind} ${item.id}`;

/**
 * The items a body names (`field` is its key), each found with the kind it was named with and locked for the rest of
 * the transaction; a 400 naming each that is not. An item named twice counts once.
 */
export async function lockNamedItems(tx: Db, refs: ItemRef[], field: string): Promise<LockedItem[]> {
  const rows = new Map((await lockItems(tx, [...new Set(refs.map((r) => r.id))])).map((r) => [r.id, r]));
  const problems = refs.flatMap((ref, i) => {
    const row = rows.get(ref.id);
    return row && row.kind === ref.kind ? [] : [{ field: `${field}[${i}]`, reason: `there is no ${named(ref)}` }];
  });
  if (problems.length) throw validationError(problems);
  const seen = new Set<number>();
  return refs.flatMap((ref, i) => {
    const row = rows.get(ref.id);
    if (!row || seen.has(ref.id)) return [];
    seen.add(ref.id);
    return [{ ...row, field: `${field}[${i}]` }];
  });
}

/** An item belongs to at most one problem: items already in another problem are refused, a 409 naming each. */
export function assertFree(items: LockedItem[], problemId: number | null): void {
  const taken = items.filter((item) => item.problem_id !== null && item.problem_id !== problemId);
  if (taken.length === 0) return;
  const details = taken.map((item) => ({
    field: item.field,
    reason: `${named(item)} is already in problem ${item.problem_id}`,
  }));
  throw new AppError('CONFLICT', `already in another problem: ${details.map((d) => d.reason).join('; ')}`, details);
}

/** Items must already be in this problem (to remove or split them off): a 400 naming each that is not. */
export function assertIn(items: LockedItem[], problemId: number): void {
  const outside = items.filter((item) => item.problem_id !== problemId);
  if (outside.length)
    throw validationError(
      outside.map((item) => ({ field: item.field, reason: `${named(item)} is not in problem ${problemId}` })),
    );
}
