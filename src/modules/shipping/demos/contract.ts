import { z } from '@hono/zod-openapi';
import { calendarDate } from '../../../http/dates.js';
import { safeText } from '../../../http/safe-text.js';

// A demo of a capability (DOMAIN.md, Shipping): when it was held, who presented, its recording and slides, and the
// teams (and people) who attended; its conversion says how many attending teams adopted within 60 days.

const LINK_REASON = 'must be an http(s) URL';
/** A recording or slides link: http or https only (a `javascript:` or `file:` link is refused). */
const link = safeText(2000, 1)
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), LINK_REASON)
  .nullish();

export const attendanceInput = z.strictObject({
  team: safeText(253, 1),
  /** A catalog user (name, ref or email), or a name or email as written; absent: the team, without names. */
  person: safeText(320).nullish(),
});

export const demoCreate = z
  .strictObject({
    capability: safeText(253, 1),
    date: calendarDate,
    title: safeText(200, 1).nullish(),
    presenter: safeText(200).nullish(),
    recording: link,
    slides: link,
    notes: safeText(20_000).nullish(),
    attendance: z.array(attendanceInput).max(2000, 'at most 2,000 attendees').default([]),
  })
  .openapi('DemoInput');
export type DemoCreate = z.input<typeof demoCreate>;
export type DemoCreateParsed = z.infer<typeof demoCreate>;

/** Given, `attendance` replaces the whole attendance. */
export const demoPatch = z
  .strictObject({
    capability: safeText(253, 1),
    date: calendarDate,
    title: safeText(200, 1).nullish(),
    presenter: safeText(200).nullish(),
    recording: link,
    slides: link,
    notes: safeText(20_000).nullish(),
    attendance: z.array(attendanceInput).max(2000, 'at most 2,000 attendees'),
  })
  .partial()
  .openapi('DemoPatch');
export type DemoPatch = z.infer<typeof demoPatch>;

export const demosQuery = z.object({
  capability: safeText(253, 1).optional(),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
});

export const conversionTeamSchema = z.object({
  team: z.string(),
  title: z.string().nullable(),
  /** The team's first adoption of the capability (ISO 8601); null: it has not adopted (as of now). */
  adoptedAt: z.string().nullable(),
  converted: z.boolean(),
});

export const conversionSchema = z
  .object({
    /** converted / eligible; null when no attending team was eligible. */
    value: z.number().nullable(),
    converted: z.number().int(),
    eligible: z.number().int(),
    /** The 60 days after the demo have not all passed: the value can still rise. */
    provisional: z.boolean(),
    /** The last day an adoption counts ('YYYY-MM-DD', the demo's date + 60 days). */
    windowEnds: z.string(),
    /** The eligible teams: customer teams that had not adopted by the demo's date. */
    teams: z.array(conversionTeamSchema),
    /** Attending teams left out of the count, and why. */
    notCounted: z.array(
      z.object({
        team: z.string(),
        reason: z.enum(['adopted before the demo', 'platform team', 'not a customer team of this capability']),
        adoptedAt: z.string().nullable(),
      }),
    ),
  })
  .openapi('DemoConversion');
export type DemoConversion = z.infer<typeof conversionSchema>;

export const demoSchema = z
  .object({
    id: z.number().int(),
    capability: z.string(),
    capabilityTitle: z.string().nullable(),
    date: z.string(),
    title: z.string().nullable(),
    presenter: z.string().nullable(),
    recording: z.string().nullable(),
    slides: z.string().nullable(),
    notes: z.string().nullable(),
    /** By team, each team once, with the people named for it ('' entries dropped). */
    attendance: z.array(z.object({ team: z.string(), title: z.string().nullable(), people: z.array(z.string()) })),
    conversion: conversionSchema,
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Demo');
export type Demo = z.infer<typeof demoSchema>;

export const pooledConversionSchema = z
  .object({
    /** Sum of converted / sum of eligible over the demos whose 60 days have passed; null when that sum is 0. */
    value: z.number().nullable(),
    converted: z.number().int(),
    eligible: z.number().int(),
    /** Demos pooled (their 60 days have passed). */
    demos: z.number().int(),
    /** Demos left out because their 60 days have not passed. */
    provisionalDemos: z.number().int(),
  })
  .openapi('PooledDemoConversion');
export type PooledConversion = z.infer<typeof pooledConversionSchema>;

export const capabilityDemosSchema = z
  .object({ capability: z.string(), conversion: pooledConversionSchema, demos: z.array(demoSchema) })
  .openapi('CapabilityDemos');
export type CapabilityDemos = z.infer<typeof capabilityDemosSchema>;

export const attendanceImportBody = z
  .strictObject({ csv: z.string().max(5_000_000, 'must be at most 5 MB'), source: safeText(200).optional() })
  .openapi('AttendanceImport');

export const attendanceImportResult = z
  .object({
    /** Rows whose email named a catalog user with a team. */
    matched: z.number().int(),
    /** Team attendances added (a person already recorded for a team is not added twice). */
    added: z.number().int(),
    teams: z.array(z.string()),
    /** Rows kept out: an email no catalog user has, or a user in no team. The rest was imported. */
    unmatched: z.array(z.object({ line: z.number().int(), email: z.string(), reason: z.string() })),
    /** Rows without an email (a guest who joined by phone or without signing in). */
    withoutEmail: z.array(z.object({ line: z.number().int(), name: z.string() })),
    demo: demoSchema,
  })
  .openapi('AttendanceImportResult');
export type AttendanceImportResult = z.infer<typeof attendanceImportResult>;
