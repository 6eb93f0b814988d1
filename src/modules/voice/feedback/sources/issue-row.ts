import type { Insertable } from 'kysely';
import type { Fact } from '../../../../connectors/facts.js';
import type { FeedbackRow, FeedbackTable } from '../../../../db/schema/voice.js';
import { statusOf } from '../columns.js';
import type { PlacedPerson } from './repo.js';

export type IssueFact = Extract<Fact, { kind: 'issue' }> & { feedbackKind: 'bug' | 'request' | 'support' };

/** What derivation learnt from the catalog: the repository's capability and the issue author, when it knows them. */
export interface Placement {
  capability: { id: number; ownerId: number | null } | null;
  author: PlacedPerson | null;
}

/**
 * The item an issue is now. The issue decides its kind, text and times; what people in Paved decide stays theirs:
 * a team or capability set in triage is not taken away by a later event that cannot place the item (a team, once
 * set, is never replaced), a severity or category with no label to say otherwise is kept, and a request the
 * platform team planned stays planned while its issue is open.
 */
export function issueRow(
  issue: IssueFact,
  existing: FeedbackRow | undefined,
  placed: Placement,
): Insertable<FeedbackTable> {
  const kind = issue.feedbackKind;
  const sameKind = existing?.kind === kind;
  const closed = issue.closedAt;
  const requestStatus =
    kind !== 'request'
      ? undefined
      : closed
        ? issue.declined
          ? 'declined'
          : 'done'
        : existing?.status === 'planned' && sameKind
          ? 'planned'
          : 'open';
  return {
    kind,
    team_id: existing?.team_id ?? placed.author?.teamId ?? null,
    capability_id: placed.capability?.id ?? existing?.capability_id ?? null,
    platform_team_id: kind === 'support' ? (placed.capability?.ownerId ?? existing?.platform_team_id ?? null) : null,
    author_ref: placed.author?.ref ?? existing?.author_ref ?? null,
    author_name: placed.author?.name ?? issue.author ?? existing?.author_name ?? null,
    title: issue.title,
    body: issue.body,
    category: kind === 'support' ? (issue.category ?? existing?.category ?? null) : null,
    severity: kind === 'bug' ? (issue.severity ?? (sameKind ? existing.severity : null)) : null,
    hours_lost_per_week: null,
    // Set by the writer from the comments once the item's platform team is known.
    responded_at: null,
    status: statusOf(kind, { responded: null, closed }, requestStatus),
    opened_at: issue.openedAt,
    closed_at: closed,
    source: issue.source,
    external_id: issue.externalId,
    external_url: issue.url ?? existing?.external_url ?? null,
    external_repository: issue.repository,
    external_author: issue.author ?? existing?.external_author ?? null,
  };
}

const COMPARED = [
  'kind',
  'team_id',
  'capability_id',
  'platform_team_id',
  'author_ref',
  'author_name',
  'title',
  'body',
  'category',
  'severity',
  'status',
  'opened_at',
  'responded_at',
  'closed_at',
  'external_url',
  'external_repository',
  'external_author',
] as const;

const same = (a: unknown, b: unknown) =>
  a instanceof Date || b instanceof Date
    ? (a === null || a === undefined ? null : new Date(a as Date).getTime()) ===
      (b === null || b === undefined ? null : new Date(b as Date).getTime())
    : (a ?? null) === (b ?? null);

/** The columns whose values differ: an event that says nothing new writes nothing (updated_at stays). */
export function changedColumns(
  existing: FeedbackRow,
  row: Insertable<FeedbackTable>,
): Partial<Insertable<FeedbackTable>> {
  const changes: Record<string, unknown> = {};
  for (const column of COMPARED) if (!same(existing[column], row[column])) changes[column] = row[column];
  return changes as Partial<Insertable<FeedbackTable>>;
}
