import { z } from '@hono/zod-openapi';
import { calendarDate } from '../../../http/dates.js';
import { cursorParam, pageLimit } from '../../../http/page.js';
import { safeText } from '../../../http/safe-text.js';

const name = safeText(253, 1);

/** Who took part, as typed: names or user refs (customers' people need not be in the catalog). */
const people = z
  .array(safeText(200, 1), { error: 'must be a list of names' })
  .min(1, 'must name at least one person')
  .max(50, 'must name at most 50 people');

export const conversationInput = z
  .strictObject({
    team: name,
    date: calendarDate,
    people,
    channel: safeText(80).nullish(),
    notes: safeText(20_000).nullish(),
    /** Ids of pains of the same team raised or discussed. */
    pains: z.array(z.number().int().positive(), { error: 'must be a list of pain ids' }).max(100).optional(),
    /** The platform team credited; absent: the writer's platform team. */
    platformTeam: name.nullish(),
  })
  .openapi('ConversationInput');

export type ConversationInput = z.infer<typeof conversationInput>;

export const engagementInput = z
  .strictObject({
    team: name,
    /** The platform engineer embedded with the team, as typed (a name or a user ref). */
    engineer: safeText(200, 1),
    startsOn: calendarDate,
    /** Absent or null: ongoing. */
    endsOn: calendarDate.nullish(),
    goals: safeText(20_000).nullish(),
    platformTeam: name.nullish(),
  })
  .openapi('EngagementInput');

export type EngagementInput = z.infer<typeof engagementInput>;

export const conversationQuery = z.object({
  team: name.optional(),
  platformTeam: name.optional(),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  limit: pageLimit(200, 50),
  cursor: cursorParam,
});

export const engagementQuery = z.object({ team: name.optional() });

export const conversationSchema = z
  .object({
    id: z.number().int(),
    team: z.string(),
    platformTeam: z.string().nullable(),
    date: z.string(),
    people: z.array(z.string()),
    channel: z.string().nullable(),
    notes: z.string().nullable(),
    pains: z.array(z.object({ id: z.number().int(), title: z.string(), status: z.string() })),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Conversation');

export type Conversation = z.infer<typeof conversationSchema>;

export const engagementSchema = z
  .object({
    id: z.number().int(),
    team: z.string(),
    platformTeam: z.string().nullable(),
    engineer: z.string(),
    startsOn: z.string(),
    endsOn: z.string().nullable(),
    goals: z.string().nullable(),
    status: z.enum(['planned', 'current', 'past']),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Engagement');

export type Engagement = z.infer<typeof engagementSchema>;

const snapshot = z
  .object({ at: z.string(), capabilitiesAdopted: z.number().int(), openPains: z.number().int() })
  .nullable();

export const teamVoiceSchema = z
  .object({
    team: z.string(),
    lastContact: z.string().nullable(),
    conversations: z.array(conversationSchema),
    engagements: z.array(
      engagementSchema.extend({
        change: z.object({
          atStart: snapshot,
          atEnd: snapshot.openapi({ description: 'At the end date; today while the engagement is ongoing' }),
          after90Days: snapshot.openapi({ description: '90 days after the end; null until then' }),
        }),
      }),
    ),
  })
  .openapi('TeamVoice');
