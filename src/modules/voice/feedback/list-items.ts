import { z } from '@hono/zod-openapi';
import type { Db } from '../../../db/schema/index.js';
import type { FeedbackKind } from '../../../db/schema/voice.js';
import { dateOrTime } from '../../../http/dates.js';
import { AppError } from '../../../http/errors.js';
import { cursorParam, pageLimit } from '../../../http/page.js';
import { safeText } from '../../../http/safe-text.js';
import { formatEntityRef, parseEntityRef } from '../../catalog/entity-ref.js';
import { STATUSES } from './columns.js';
import { listItems, type ItemRow } from './repo.js';
import { toView, type ItemView } from './view.js';
import { requestTallies } from './votes/repo.js';

export const MAX_FEEDBACK_PAGE = 200;

/** Not closed yet, whatever the step it reached: what a figure of open bugs or a support queue counts. */
export const UNRESOLVED = 'unresolved';

/** A kind's list filters: `status` takes that kind's statuses, or `unresolved`. */
export function listQuery(kind: FeedbackKind) {
  return z.object({
    team: safeText(253).optional().openapi({ description: 'A team, by name or ref' }),
    capability: safeText(253).optional().openapi({ description: 'A capability, by name or ref' }),
    platformTeam: safeText(253).optional().openapi({ description: 'The platform team asked (support requests)' }),
    category: safeText(80).optional(),
    status: z
      .enum([UNRESOLVED, ...STATUSES[kind]] as [string, ...string[]])
      .optional()
      .openapi({ description: `One of the kind's statuses, or ${UNRESOLVED}: not closed yet` }),
    q: safeText(200)
      .optional()
      .openapi({ description: 'Words in the title or text, any case; every word must appear' }),
    from: dateOrTime.optional().openapi({ description: 'Opened from this time on (inclusive)' }),
    to: dateOrTime.optional().openapi({ description: 'Opened before this time' }),
    closedFrom: dateOrTime.optional().openapi({ description: 'Closed (fixed, resolved, done) from this time on' }),
    closedTo: dateOrTime.optional().openapi({ description: 'Closed before this time' }),
    problem: z.coerce
      .number({ error: 'must be a problem id' })
      .int('must be a problem id')
      .positive('must be a problem id')
      .optional(),
    source: z.enum(['paved', 'csv', 'github', 'gitlab']).optional(),
    limit: pageLimit(MAX_FEEDBACK_PAGE, 50),
    cursor: cursorParam,
  });
}
export type ListQuery = z.infer<ReturnType<typeof listQuery>>;

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

const invalid = (field: string, reason: string) =>
  new AppError('VALIDATION_FAILED', `${field}: ${reason}`, [{ field, reason }]);

/** A team or capability filter as a stored ref; a 400 naming the filter when it cannot name one. */
export function filterRef(field: string, text: string | undefined, kind: 'group' | 'capability'): string | undefined {
  if (!text) return undefined;
  const ref = parseEntityRef(text, { defaultKind: kind, defaultNamespace: 'default' });
  if (typeof ref === 'string') throw invalid(field, ref);
  return formatEntityRef(ref);
}

const encodeCursor = (row: ItemRow) =>
  Buffer.from(JSON.stringify([new Date(row.opened_at).toISOString(), Number(row.id)])).toString('base64url');

function decodeCursor(cursor: string | undefined): { opened: Date; id: number } | undefined {
  if (!cursor) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && Number.isSafeInteger(value[1])) {
      const opened = new Date(value[0]);
      if (Number.isFinite(opened.getTime()) && (value[1] as number) > 0) return { opened, id: value[1] as number };
    }
  } catch {
    // not JSON: refused below
  }
  throw invalid('cursor', 'not a cursor this API returned');
}

/** Views of items, with each request's votes and reach, and whether `person` voted. */
export async function viewsOf(db: Db, rows: ItemRow[], person: string | null): Promise<ItemView[]> {
  const requests = rows.filter((r) => r.kind === 'request').map((r) => Number(r.id));
  const tallies = await requestTallies(db, requests, person);
  return rows.map((row) => toView(row, tallies.get(Number(row.id))));
}

/** One page of a kind's items, newest first (by the time each was opened). */
export async function listItemsPage(
  db: Db,
  kind: FeedbackKind,
  query: ListQuery,
  person: string | null,
): Promise<{ items: ItemView[]; nextCursor: string | null }> {
  if (query.from && query.to && query.from >= query.to) throw invalid('from', 'must be before to');
  const rows = await listItems(db, {
    kind,
    teamRef: filterRef('team', query.team, 'group'),
    capabilityRef: filterRef('capability', query.capability, 'capability'),
    platformTeamRef: filterRef('platformTeam', query.platformTeam, 'group'),
    category: query.category,
    status: query.status === UNRESOLVED ? undefined : query.status,
    unresolved: query.status === UNRESOLVED,
    closedFrom: query.closedFrom,
    closedTo: query.closedTo,
    words: query.q?.match(/\S+/g)?.slice(0, 20),
    from: query.from,
    to: query.to,
    problemId: query.problem,
    source: query.source,
    after: decodeCursor(query.cursor),
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await viewsOf(db, page, person),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
  };
}
