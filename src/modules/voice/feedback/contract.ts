import { z } from '@hono/zod-openapi';
import { dateOrTime } from '../../../http/dates.js';
import { safeText } from '../../../http/safe-text.js';

// What the API and the CSV import take for each kind of feedback: the same camelCase fields, past times included so
// history can be brought in (an omitted time is now). Names are catalog names or refs (`payments`,
// `group:default/payments`).

const name = safeText(253, 1);
const title = safeText(200, 1);
const body = safeText(20_000).nullish();
const severity = z
  .number({ error: 'must be a number from 1 (the worst) to 4' })
  .int('must be a whole number from 1 to 4')
  .min(1, 'must be from 1 (the worst) to 4')
  .max(4, 'must be from 1 (the worst) to 4');
const time = dateOrTime.nullish();
export const categoryText = safeText(80, 1);

export const painInput = z.strictObject({
  team: name,
  capability: name.nullish(),
  title,
  body,
  category: categoryText.nullish(),
  severity,
  hoursLostPerWeek: z
    .number({ error: 'must be a number of hours' })
    .min(0, 'must not be negative')
    .max(168, 'must be at most 168 (a week)'),
  createdAt: time,
  resolvedAt: time,
});

export const REQUEST_STATUSES = ['open', 'planned', 'done', 'declined'] as const;

export const requestInput = z.strictObject({
  team: name,
  capability: name.nullish(),
  title,
  body,
  createdAt: time,
  status: z.enum(REQUEST_STATUSES).optional(),
  closedAt: time,
});

export const bugInput = z.strictObject({
  capability: name,
  /** The reporting team; absent: the reporter's own team. */
  team: name.nullish(),
  title,
  body,
  severity,
  reportedAt: time,
  acknowledgedAt: time,
  fixedAt: time,
});

export const supportInput = z.strictObject({
  team: name,
  capability: name.nullish(),
  /** The platform team asked; absent: the capability's owner. */
  platformTeam: name.nullish(),
  category: categoryText,
  title,
  body,
  openedAt: time,
  firstResponseAt: time,
  resolvedAt: time,
});

export type PainInput = z.infer<typeof painInput>;
export type RequestInput = z.infer<typeof requestInput>;
export type BugInput = z.infer<typeof bugInput>;
export type SupportInput = z.infer<typeof supportInput>;

/** A new item of any kind, as the create path, the CSV import and the issue sources hand it over. */
export type NewFeedback =
  | { kind: 'pain'; input: PainInput }
  | { kind: 'request'; input: RequestInput }
  | { kind: 'bug'; input: BugInput }
  | { kind: 'support'; input: SupportInput };

export const INPUTS = { pain: painInput, request: requestInput, bug: bugInput, support: supportInput } as const;

// RICE estimates the platform team sets on a request (DOMAIN.md, Prioritization); reach comes from the votes.
const IMPACTS = [0.25, 0.5, 1, 2, 3] as const;
const rice = {
  impact: z
    .number({ error: 'must be one of 0.25, 0.5, 1, 2, 3' })
    .refine((v) => (IMPACTS as readonly number[]).includes(v), 'must be one of 0.25, 0.5, 1, 2, 3')
    .nullish(),
  confidence: z
    .number({ error: 'must be a percentage from 0 to 100' })
    .min(0, 'must be a percentage from 0 to 100')
    .max(100, 'must be a percentage from 0 to 100')
    .nullish(),
  effort: z
    .number({ error: 'must be a number of person-weeks' })
    .positive('must be more than 0 person-weeks')
    .max(10_000, 'must be at most 10000 person-weeks')
    .nullish(),
};

/** A change: any of the kind's fields (null empties an optional one); requests also take RICE estimates. */
export const PATCHES = {
  pain: painInput.partial(),
  request: requestInput.partial().extend(rice),
  bug: bugInput.partial(),
  support: supportInput.partial(),
} as const;

export type FeedbackPatch = Partial<Record<string, unknown>>;
