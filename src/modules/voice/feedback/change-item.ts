import type { Updateable } from 'kysely';
import type { Db } from '../../../db/schema/index.js';
import type { FeedbackKind, FeedbackTable } from '../../../db/schema/voice.js';
import { AppError, notFound } from '../../../http/errors.js';
import type { Principal } from '../../../http/router.js';
import { inTransaction } from '../../../db/transaction.js';
import { diffFields, recordAudit } from '../../audit/service.js';
import { isClosedRequestStatus, requestState, statusOf, timeOrderProblem, TIME_FIELDS } from './columns.js';
import type { NewFeedback } from './contract.js';
import { AUDIT_KIND, KIND_LABEL } from './create-item.js';
import { findItemForUpdate, updateItem, type ItemRow } from './repo.js';
import { refsOfItem, resolveRefs, type ResolvedRefs } from './resolve-refs.js';
import { assertMayChange } from './rights.js';
import { toView } from './view.js';

type Patch = Record<string, unknown>;
const REF_FIELDS = ['team', 'capability', 'platformTeam'] as const;
// Fields the view shows that a change may not touch itself, or that the audit trail has no use for.
const NOT_AUDITED = new Set(['id', 'kind', 'votes', 'reach', 'voted']);

const invalid = (field: string, reason: string) =>
  new AppError('VALIDATION_FAILED', `${field}: ${reason}`, [{ field, reason }]);

/** The entities after the change: those the patch names, resolved like a new item's; the rest unchanged. */
async function patchedRefs(db: Db, kind: FeedbackKind, before: ResolvedRefs, patch: Patch): Promise<ResolvedRefs> {
  const named = REF_FIELDS.filter((f) => f in patch);
  if (named.length === 0) return before;
  const input = Object.fromEntries(named.map((f) => [f, patch[f]]));
  const resolved = await resolveRefs(db, { kind, input } as NewFeedback);
  if (!resolved.ok) throw invalid(resolved.field, resolved.reason);
  const { refs } = resolved;
  return {
    team: 'team' in patch ? refs.team : before.team,
    capability: 'capability' in patch ? refs.capability : before.capability,
    // A support request moved to another capability goes to its owner, unless the patch names the team asked.
    platformTeam:
      'platformTeam' in patch || (kind === 'support' && 'capability' in patch && refs.platformTeam)
        ? refs.platformTeam
        : before.platformTeam,
  };
}

/** The status a request takes: the one sent; else, when only its closing time changes, done or open again. */
function wantedRequestStatus(current: string, patch: Patch, closed: Date | null): string {
  if ('status' in patch) return (patch.status as string | null) ?? 'open';
  if (!('closedAt' in patch)) return current;
  const wasClosed = isClosedRequestStatus(current);
  if (closed) return wasClosed ? current : 'done';
  return wasClosed ? 'open' : current;
}

/** The row's new columns: its times and status kept consistent (columns.ts), or the field that makes it impossible. */
function nextColumns(kind: FeedbackKind, row: ItemRow, patch: Patch, refs: ResolvedRefs, now: Date) {
  const fields = TIME_FIELDS[kind];
  const given = (field: string | null): field is string => field !== null && field in patch;
  const value = <T>(field: string, current: T) => (field in patch ? ((patch[field] ?? null) as T) : current);
  if (given(fields.opened) && !patch[fields.opened]) throw invalid(fields.opened, 'must not be empty');
  const times = {
    opened: value<Date>(fields.opened, row.opened_at),
    responded: fields.responded ? value<Date | null>(fields.responded, row.responded_at) : null,
    closed: value<Date | null>(fields.closed, row.closed_at),
  };
  let status = statusOf(kind, times);
  if (kind === 'request') {
    const wanted = wantedRequestStatus(row.status, patch, times.closed);
    // A request reopened or planned is no longer closed, unless the patch says when it closed (refused).
    if (given('status') && !given(fields.closed)) times.closed = isClosedRequestStatus(wanted) ? row.closed_at : null;
    const state = requestState(wanted, times.closed, now);
    if (!state.ok) throw invalid(state.field, state.reason);
    times.closed = state.closed;
    status = state.status;
  }
  const problem = timeOrderProblem(kind, times);
  if (problem) throw invalid(problem.field, problem.reason);
  const columns: Updateable<FeedbackTable> = {
    team_id: refs.team?.id ?? null,
    capability_id: refs.capability?.id ?? null,
    platform_team_id: refs.platformTeam?.id ?? null,
    title: value('title', row.title),
    body: value('body', row.body),
    category: value('category', row.category),
    severity: value('severity', row.severity),
    hours_lost_per_week: value('hoursLostPerWeek', row.hours_lost_per_week),
    impact: value('impact', row.impact),
    confidence: value('confidence', row.confidence),
    effort: value('effort', row.effort),
    status,
    opened_at: times.opened,
    responded_at: times.responded,
    closed_at: times.closed,
  };
  return columns;
}

/** An item's view without what a change cannot set, for the audit trail's before and after. */
function auditable(row: ItemRow): Record<string, unknown> {
  return Object.fromEntries(Object.entries(toView(row)).filter(([k]) => !NOT_AUDITED.has(k)));
}

/**
 * Changes an item, checking rights on the fields that change (on the fields sent when none does, so a change
 * that happens to repeat the stored value still needs the right to make it); records the change before → after.
 */
export async function changeItem(
  db: Db,
  principal: Principal,
  kind: FeedbackKind,
  id: number,
  patch: Patch,
): Promise<ItemRow> {
  return inTransaction(db, async (tx) => {
    const row = await findItemForUpdate(tx, kind, id);
    if (!row) throw notFound(`${KIND_LABEL[kind]} ${id}`);
    const before = await refsOfItem(tx, row);
    const after = await patchedRefs(tx, kind, before, patch);
    const columns = nextColumns(kind, row, patch, after, new Date());
    const next: ItemRow = {
      ...row,
      ...(columns as Partial<ItemRow>),
      team_name: after.team?.name ?? null,
      team_ref: after.team?.ref ?? null,
      capability_name: after.capability?.name ?? null,
      capability_ref: after.capability?.ref ?? null,
      platform_team_name: after.platformTeam?.name ?? null,
      platform_team_ref: after.platformTeam?.ref ?? null,
    };
    const changes = diffFields(auditable(row), auditable(next));
    const sent = Object.keys(patch).filter((f) => patch[f] !== undefined);
    const changed = sent.filter((f) => f in changes || `${f}Ref` in changes);
    assertMayChange(principal, kind, before, after, changed.length > 0 ? changed : sent);
    if (Object.keys(changes).length > 0) await updateItem(tx, id, columns);
    await recordAudit(tx, principal, {
      action: 'update',
      entity: { kind: AUDIT_KIND[kind], id, ref: after.capability?.ref ?? after.team?.ref ?? null },
      summary: `Changed ${KIND_LABEL[kind]} ${id} "${next.title}": ${Object.keys(changes).join(', ') || 'nothing'}`,
      changes,
    });
    return next;
  });
}
