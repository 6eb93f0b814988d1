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
