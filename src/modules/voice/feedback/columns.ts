import type { FeedbackKind, FeedbackRow } from '../../../db/schema/voice.js';
import type { NewFeedback } from './contract.js';

/**
 * The three times every item has in the table, under each kind's own field names: the one place that says which
 * API field is which column.
 */
export const TIME_FIELDS: Record<FeedbackKind, { opened: string; responded: string | null; closed: string }> = {
  pain: { opened: 'createdAt', responded: null, closed: 'resolvedAt' },
  request: { opened: 'createdAt', responded: null, closed: 'closedAt' },
  bug: { opened: 'reportedAt', responded: 'acknowledgedAt', closed: 'fixedAt' },
  support: { opened: 'openedAt', responded: 'firstResponseAt', closed: 'resolvedAt' },
};

export interface ItemTimes {
  opened: Date;
  responded: Date | null;
  closed: Date | null;
}

/** The item's times from its input; an omitted opening time is `now`. */
export function timesOf(item: NewFeedback, now: Date): ItemTimes {
  const fields = TIME_FIELDS[item.kind];
  const input = item.input as Record<string, unknown>;
  const at = (field: string | null) => (field ? ((input[field] as Date | null | undefined) ?? null) : null);
  return { opened: at(fields.opened) ?? now, responded: at(fields.responded), closed: at(fields.closed) };
}

/** A status follows from the times, except a request's, which the platform team sets (planned, declined). */
export function statusOf(kind: FeedbackKind, times: Omit<ItemTimes, 'opened'>, requestStatus?: string): string {
  switch (kind) {
    case 'pain':
      return times.closed ? 'resolved' : 'open';
    case 'request':
      return requestStatus ?? (times.closed ? 'done' : 'open');
    case 'bug':
      return times.closed ? 'fixed' : times.responded ? 'acknowledged' : 'open';
    case 'support':
      return times.closed ? 'resolved' : times.responded ? 'responded' : 'open';
  }
}

/** The statuses each kind can have, for list filters. */
export const STATUSES: Record<FeedbackKind, readonly string[]> = {
  pain: ['open', 'resolved'],
  request: ['open', 'planned', 'done', 'declined'],
  bug: ['open', 'acknowledged', 'fixed'],
  support: ['open', 'responded', 'resolved'],
};

const CLOSED_REQUEST = new Set(['done', 'declined']);
export const isClosedRequestStatus = (status: string) => CLOSED_REQUEST.has(status);

/**
 * A request's status and closing time agree: done or declined has a time (now when none is given), open or planned
 * has none; without a status, a closing time means done.
 */
export function requestState(
  status: string | null | undefined,
  closed: Date | null,
  now: Date,
): { ok: true; status: string; closed: Date | null } | { ok: false; field: string; reason: string } {
  if (!status) return { ok: true, status: closed ? 'done' : 'open', closed };
  if (CLOSED_REQUEST.has(status)) return { ok: true, status, closed: closed ?? now };
  if (closed) return { ok: false, field: 'closedAt', reason: `must be empty for a request that is ${status}` };
  return { ok: true, status, closed: null };
}

/** Times out of order are refused: a bug cannot be fixed before it was reported. */
export function timeOrderProblem(kind: FeedbackKind, times: ItemTimes): { field: string; reason: string } | null {
  const fields = TIME_FIELDS[kind];
  if (times.responded && fields.responded && times.responded < times.opened)
    return { field: fields.responded, reason: `must not be before ${fields.opened}` };
  if (times.closed && times.closed < times.opened)
    return { field: fields.closed, reason: `must not be before ${fields.opened}` };
  return null;
}

/** The item's times under its kind's field names, as ISO strings. */
export function timesView(row: FeedbackRow): Record<string, string | null> {
  const fields = TIME_FIELDS[row.kind];
  const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
  const out: Record<string, string | null> = {
    [fields.opened]: iso(row.opened_at),
    [fields.closed]: iso(row.closed_at),
  };
  if (fields.responded) out[fields.responded] = iso(row.responded_at);
  return out;
}
