import { z } from '@hono/zod-openapi';
import type { FeedbackKind } from '../../../db/schema/voice.js';
import { isoOrNull } from '../../../http/openapi.js';
import { timesView } from './columns.js';
import type { CommentRow, ItemRow } from './repo.js';
import type { RequestTally } from './votes/repo.js';

// What the API answers for an item: the input's own field names, team and capability as catalog names with their
// refs beside them, and what Paved adds (id, status, author, votes and reach).

const name = z.string().nullable();
const time = z.string().nullable();
const base = {
  id: z.number().int(),
  title: z.string(),
  body: z.string().nullable(),
  team: name.openapi({ description: 'Null: an author Paved could not place, listed for triage' }),
  teamRef: name,
  capability: name,
  capabilityRef: name,
  status: z.string(),
  author: name,
  source: z.enum(['paved', 'csv', 'github', 'gitlab']),
  externalUrl: z.string().nullable(),
  problem: z.number().int().nullable().openapi({ description: 'The common problem this item belongs to' }),
};

export const painView = z
  .object({
    ...base,
    kind: z.literal('pain'),
    category: z.string().nullable(),
    severity: z.number().int(),
    hoursLostPerWeek: z.number(),
    createdAt: z.string(),
    resolvedAt: time,
  })
  .openapi('Pain');

export const requestView = z
  .object({
    ...base,
    kind: z.literal('request'),
    createdAt: z.string(),
    closedAt: time,
    votes: z.number().int(),
    reach: z.number().int().openapi({ description: 'Distinct customer teams among the author and the voters' }),
    voted: z.boolean().openapi({ description: 'Whether the caller voted for it' }),
    impact: z.number().nullable(),
    confidence: z.number().nullable(),
    effort: z.number().nullable(),
  })
  .openapi('FeatureRequest');

export const bugView = z
  .object({
    ...base,
    kind: z.literal('bug'),
    severity: z.number().int(),
    reportedAt: z.string(),
    acknowledgedAt: time,
    fixedAt: time,
  })
  .openapi('Bug');

export const supportView = z
  .object({
    ...base,
    kind: z.literal('support'),
    platformTeam: name,
    platformTeamRef: name,
    category: z.string().nullable(),
    openedAt: z.string(),
    firstResponseAt: time,
    resolvedAt: time,
  })
  .openapi('SupportRequest');

export const VIEWS = { pain: painView, request: requestView, bug: bugView, support: supportView } as const;
export type ItemView = z.infer<(typeof VIEWS)[FeedbackKind]>;

const NO_TALLY: RequestTally = { votes: 0, reach: 0, voted: false };

/** The API's view of an item; a request's counts come from `tally`. */
export function toView(row: ItemRow, tally: RequestTally = NO_TALLY): ItemView {
  const common = {
    id: Number(row.id),
    title: row.title,
    body: row.body,
    team: row.team_name,
    teamRef: row.team_ref,
    capability: row.capability_name,
    capabilityRef: row.capability_ref,
    status: row.status,
    author: row.author_name,
    source: row.source,
    externalUrl: row.external_url,
    problem: row.problem_id === null ? null : Number(row.problem_id),
  };
  const times = timesView(row);
  const at = (field: string) => times[field] ?? null;
  switch (row.kind) {
    case 'pain':
      return {
        ...common,
        kind: 'pain',
        category: row.category,
        severity: row.severity ?? 0,
        hoursLostPerWeek: row.hours_lost_per_week ?? 0,
        createdAt: at('createdAt') ?? '',
        resolvedAt: at('resolvedAt'),
      };
    case 'request':
      return {
        ...common,
        kind: 'request',
        createdAt: at('createdAt') ?? '',
        closedAt: at('closedAt'),
        ...tally,
        impact: row.impact,
        confidence: row.confidence,
        effort: row.effort,
      };
    case 'bug':
      return {
        ...common,
        kind: 'bug',
        severity: row.severity ?? 0,
        reportedAt: at('reportedAt') ?? '',
        acknowledgedAt: at('acknowledgedAt'),
        fixedAt: at('fixedAt'),
      };
    case 'support':
      return {
        ...common,
        kind: 'support',
        platformTeam: row.platform_team_name,
        platformTeamRef: row.platform_team_ref,
        category: row.category,
        openedAt: at('openedAt') ?? '',
        firstResponseAt: at('firstResponseAt'),
        resolvedAt: at('resolvedAt'),
      };
  }
}

export const commentView = z
  .object({
    id: z.number().int(),
    author: z.string(),
    body: z.string(),
    createdAt: z.string(),
    source: z.string(),
  })
  .openapi('FeedbackComment');

export function toCommentView(row: CommentRow): z.infer<typeof commentView> {
  return {
    id: Number(row.id),
    author: row.author_name,
    body: row.body,
    createdAt: isoOrNull(row.created_at) ?? '',
    source: row.source,
  };
}
