import type { Db } from '../../../db/schema/index.js';
import type { FeedbackRow, FeedbackSource } from '../../../db/schema/voice.js';
import { AppError } from '../../../http/errors.js';
import type { Actor } from '../../audit/actor.js';
import { diffFields, recordAudit } from '../../audit/service.js';
import { requestState, statusOf, timeOrderProblem, timesOf } from './columns.js';
import type { NewFeedback } from './contract.js';
import { insertItems, type NewFeedbackRow } from './repo.js';
import type { ResolvedRefs } from './resolve-refs.js';

export const KIND_LABEL = { pain: 'pain', request: 'request', bug: 'bug', support: 'support request' } as const;

/**
 * The entity kind the audit trail files each kind under. Not `request`: the audit safety net files the generic
 * entries of unaudited writes (HTTP requests) under that kind.
 */
export const AUDIT_KIND = { pain: 'pain', request: 'feature-request', bug: 'bug', support: 'support-request' } as const;

/** The row an item becomes, or the field that makes it impossible (times out of order). */
export function feedbackRow(
  item: NewFeedback,
  refs: ResolvedRefs,
  who: Actor,
  source: FeedbackSource,
  now: Date,
): { ok: true; row: NewFeedbackRow } | { ok: false; field: string; reason: string } {
  const times = timesOf(item, now);
  let requestStatus: string | undefined;
  if (item.kind === 'request') {
    const state = requestState(item.input.status, times.closed, now);
    if (!state.ok) return state;
    times.closed = state.closed;
    requestStatus = state.status;
  }
  const problem = timeOrderProblem(item.kind, times);
  if (problem) return { ok: false, ...problem };
  const input = item.input as Record<string, unknown>;
  return {
    ok: true,
    row: {
      kind: item.kind,
      team_id: refs.team?.id ?? null,
      capability_id: refs.capability?.id ?? null,
      platform_team_id: refs.platformTeam?.id ?? null,
      author_ref: who.person,
      author_name: who.name,
      title: item.input.title,
      body: item.input.body ?? null,
      category: (input.category as string | null | undefined) ?? null,
      severity: (input.severity as number | undefined) ?? null,
      hours_lost_per_week: (input.hoursLostPerWeek as number | undefined) ?? null,
      status: statusOf(item.kind, times, requestStatus),
      opened_at: times.opened,
      responded_at: times.responded,
      closed_at: times.closed,
      source,
    },
  };
}

/** Writes one item with its audit entry, in the caller's transaction. Checks of rights are the caller's. */
export async function createItem(
  tx: Db,
  who: Actor,
  item: NewFeedback,
  refs: ResolvedRefs,
  source: FeedbackSource = 'paved',
): Promise<FeedbackRow> {
  const made = feedbackRow(item, refs, who, source, new Date());
  if (!made.ok)
    throw new AppError('VALIDATION_FAILED', `${made.field}: ${made.reason}`, [
      { field: made.field, reason: made.reason },
    ]);
  const [row] = await insertItems(tx, [made.row]);
  if (!row) throw new Error('the feedback insert returned no row');
  await recordAudit(tx, who, {
    action: 'create',
    entity: { kind: AUDIT_KIND[item.kind], id: row.id, ref: refs.capability?.ref ?? refs.team?.ref ?? null },
    summary: `New ${KIND_LABEL[item.kind]} ${row.id} "${row.title}"${refs.team ? ` from ${refs.team.name}` : ''}`,
    changes: diffFields(null, { ...item.input }),
  });
  return row;
}
