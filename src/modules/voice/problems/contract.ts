import { z } from '@hono/zod-openapi';
import { cursorParam, pageLimit } from '../../../http/page.js';
import { safeText } from '../../../http/safe-text.js';
import { IMPACTS } from './rice.js';

// Problems, their suggestions, the triage inbox and the backlog: what the API takes and answers.

export const FEEDBACK_KINDS = ['pain', 'request', 'bug', 'support'] as const;
export const PROBLEM_STATUSES = ['open', 'solved', 'dismissed'] as const;

/** One feedback item, named by its kind and id. */
export const itemRef = z.strictObject({
  kind: z.enum(FEEDBACK_KINDS),
  id: z.number({ error: 'must be an item id' }).int('must be a whole number').positive('must be positive'),
});
export type ItemRef = z.infer<typeof itemRef>;
const itemList = z.array(itemRef).max(500, 'at most 500 items at once');

const IMPACT_REASON = `must be one of ${IMPACTS.join(', ')}`;
export const impactInput = z
  .number({ error: IMPACT_REASON })
  .refine((value) => (IMPACTS as readonly number[]).includes(value), IMPACT_REASON);
export const confidenceInput = z
  .number({ error: 'must be a percentage from 0 to 100' })
  .min(0, 'must be a percentage from 0 to 100')
  .max(100, 'must be a percentage from 0 to 100');
export const effortInput = z
  .number({ error: 'must be a number of person-weeks' })
  .positive('must be more than 0 person-weeks')
  .max(10_000, 'must be at most 10000 person-weeks');

/** RICE inputs as optional fields (null clears one). */
export const riceFields = {
  impact: impactInput.nullish(),
  confidence: confidenceInput.nullish(),
  effort: effortInput.nullish(),
};

const title = safeText(200, 1);
const description = safeText(20_000).nullish();
const capability = safeText(253, 1).nullish();

export const problemCreate = z.strictObject({
  title,
  description,
  capability,
  items: itemList.default([]),
  status: z.enum(PROBLEM_STATUSES).optional(),
  ...riceFields,
});

export const problemPatch = z.strictObject({
  title: title.optional(),
  description,
  capability,
  status: z.enum(PROBLEM_STATUSES).optional(),
  /** Items linked by hand; an item in another problem is refused (409). */
  addItems: itemList.optional(),
  /** Items unlinked; each must be in this problem. */
  removeItems: itemList.optional(),
  ...riceFields,
});

export const mergeBody = z.strictObject({
  from: z.number({ error: 'must be a problem id' }).int('must be a whole number').positive('must be positive'),
});

export const splitBody = z.strictObject({ items: itemList.min(1, 'name at least one item'), title });

export const acceptBody = z.strictObject({ items: itemList.min(1, 'name at least one item'), title });
export const dismissBody = z.strictObject({ items: itemList.min(1, 'name at least one item') });

export const idParams = z.object({ id: z.coerce.number().int().positive() });

export const problemsQuery = z.object({
  status: z.enum(PROBLEM_STATUSES).optional(),
  limit: pageLimit(200, 50),
  cursor: cursorParam,
});

export const problemItemSchema = z.object({
  kind: z.enum(FEEDBACK_KINDS),
  id: z.number().int(),
  title: z.string(),
  team: z.string().nullable(),
  status: z.string(),
});

const riceView = {
  impact: z.number().nullable(),
  confidence: z.number().nullable(),
  effort: z.number().nullable(),
  rice: z.number().nullable(),
  arithmetic: z.string(),
};

export const problemSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    description: z.string().nullable(),
    status: z.enum(PROBLEM_STATUSES),
    capability: z.string().nullable(),
    items: z.array(problemItemSchema),
    counts: z.object({ pain: z.number(), request: z.number(), bug: z.number(), support: z.number() }),
    /** Customer teams (names) among the items' teams and the requests' voters' teams at their votes. */
    teams: z.array(z.string()),
    reach: z.number().int(),
    hoursLostPerWeek: z.number(),
    severity: z.number().int().nullable(),
    ...riceView,
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Problem');
export type Problem = z.infer<typeof problemSchema>;

export const problemListSchema = z.object({ items: z.array(problemSchema), nextCursor: z.string().nullable() });

export const suggestionSchema = z.object({
  items: z.array(z.object({ kind: z.enum(FEEDBACK_KINDS), id: z.number().int() })),
  teams: z.array(z.string()),
  reasons: z.array(z.string()),
  similarity: z.number(),
});

// Suggestions are kept in memory and regrouped in the background after an edit when that takes long
// (cache/suggestion-cache.ts): when they were last exact, and whether a regrouping is under way (then items edited or
// placed in a problem since are left out, and edited ones wait for it).
const asOf = z.string().describe('When the suggestions were last exact (now, unless stale)');
const stale = z.boolean().describe('Regrouping after an edit is under way');

export const suggestionListSchema = z.object({ items: z.array(suggestionSchema), asOf, stale });

export const inboxQuery = z.object({ limit: pageLimit(200, 50), cursor: cursorParam });

export const inboxSchema = z.object({
  items: z.array(
    z.object({
      kind: z.enum(FEEDBACK_KINDS),
      id: z.number().int(),
      title: z.string(),
      team: z.string().nullable(),
      capability: z.string().nullable(),
      severity: z.number().int().nullable(),
      status: z.string(),
      openedAt: z.string(),
      source: z.string(),
      /** `teamless`: no team could be placed; `unplaced`: from an issue tracker, on no capability. */
      flags: z.array(z.enum(['teamless', 'unplaced'])),
      /** In one of the current suggestions. */
      suggested: z.boolean(),
    }),
  ),
  nextCursor: z.string().nullable(),
  /** How many suggestions wait. */
  suggestions: z.number().int(),
  suggestionsAsOf: asOf,
  suggestionsStale: stale,
});

export const backlogQuery = z.object({ limit: pageLimit(500, 100), cursor: cursorParam });

export const backlogRowSchema = z.object({
  kind: z.enum(['problem', 'request']),
  id: z.number().int(),
  title: z.string(),
  reach: z.number().int(),
  ...riceView,
  missing: z.array(z.enum(['impact', 'confidence', 'effort'])),
});
export type BacklogRow = z.infer<typeof backlogRowSchema>;

export const riceBody = z.strictObject({
  impact: impactInput.nullable(),
  confidence: confidenceInput.nullable(),
  effort: effortInput.nullable(),
});
