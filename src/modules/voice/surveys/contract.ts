import { z } from '@hono/zod-openapi';
import { zonedTime } from '../../../http/dates.js';
import { safeText } from '../../../http/safe-text.js';

/** The fixed wording, so waves compare (DOMAIN.md, Survey). */
export const NPS_QUESTION = 'How likely are you to recommend the platform to a colleague?';
export const csatQuestion = (capability: string) => `How satisfied are you with ${capability}?`;

const name = safeText(200, 1);
const NPS_REASON = 'must be a whole number from 0 to 10';
const CSAT_REASON = 'must be a whole number from 1 to 5';

export const createWaveBody = z
  .strictObject({
    title: safeText(200, 1),
    teams: z
      .array(name)
      .min(1)
      .max(5000)
      .optional()
      .openapi({ description: 'Team names; absent: every customer team' }),
    capabilities: z.array(name).min(1).max(50),
    closesAt: zonedTime.optional(),
  })
  .openapi('CreateSurveyWave');

export const updateWaveBody = z
  .strictObject({ status: z.literal('closed').optional(), title: safeText(200, 1).optional() })
  .refine((v) => v.status !== undefined || v.title !== undefined, 'send status or title')
  .openapi('UpdateSurveyWave');

export const waveSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    teams: z.array(z.string()),
    allTeams: z.boolean(),
    capabilities: z.array(z.object({ name: z.string(), title: z.string().nullable() })),
    opensAt: z.string(),
    closesAt: z.string().nullable(),
    /** Closed when closed by hand or past closesAt. */
    status: z.enum(['open', 'closed']),
    createdBy: z.string(),
    createdAt: z.string(),
    invited: z.number().int(),
    answered: z.number().int(),
  })
  .openapi('SurveyWave');
export type Wave = z.infer<typeof waveSchema>;

export const invitationSchema = z
  .object({
    person: z.string(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    teams: z.array(z.string()),
    link: z.string(),
    answered: z.boolean(),
  })
  .openapi('SurveyInvitation');
export type Invitation = z.infer<typeof invitationSchema>;

export const invitationsQuery = z.object({ format: z.enum(['json', 'csv']).default('json') });

const score = z.object({ value: z.number().nullable(), answers: z.number().int() });
const npsSchema = score.extend({
  responseRate: z.number().nullable(),
  previous: score.extend({ waveId: z.number().int(), responseRate: z.number().nullable() }).nullable(),
  change: z.number().nullable(),
});
const csatSchema = score.extend({
  capability: z.string(),
  title: z.string().nullable(),
  previous: score.extend({ waveId: z.number().int() }).nullable(),
  change: z.number().nullable(),
});
const teamSchema = z.object({
  team: z.string(),
  invited: z.number().int(),
  answers: z.number().int(),
  responseRate: z.number().nullable(),
  shown: z.boolean(),
  nps: z.number().nullable(),
  csat: z.array(score.extend({ capability: z.string() })),
  reason: z.string().optional(),
});

export const resultsSchema = z
  .object({
    wave: waveSchema,
    nps: npsSchema,
    csat: z.array(csatSchema),
    teams: z.array(teamSchema),
    /** Free text without a name or team; answeredAt is the day only. */
    comments: z.array(z.object({ text: z.string(), answeredAt: z.string() })),
  })
  .openapi('SurveyResults');
export type Results = z.infer<typeof resultsSchema>;
export type TeamResult = z.infer<typeof teamSchema>;

export const tokenField = safeText(200, 1);

export const answerQuery = z.object({ token: tokenField });

export const answerBody = z
  .strictObject({
    token: tokenField,
    nps: z.number({ error: NPS_REASON }).int(NPS_REASON).min(0, NPS_REASON).max(10, NPS_REASON),
    csat: z
      .record(z.string(), z.number({ error: CSAT_REASON }).int(CSAT_REASON).min(1, CSAT_REASON).max(5, CSAT_REASON))
      .default({}),
    comment: safeText(5000).nullable().optional(),
  })
  .openapi('SurveyAnswer');
export type AnswerInput = z.infer<typeof answerBody>;

export const questionsSchema = z
  .object({
    title: z.string(),
    closesAt: z.string().nullable(),
    nps: z.object({ question: z.string() }),
    csat: z.array(z.object({ capability: z.string(), title: z.string().nullable(), question: z.string() })),
    answered: z.boolean(),
    answer: z
      .object({
        nps: z.number().int(),
        csat: z.record(z.string(), z.number().int()),
        comment: z.string().nullable(),
        answeredAt: z.string(),
      })
      .nullable(),
  })
  .openapi('SurveyQuestions');
export type Questions = z.infer<typeof questionsSchema>;

export type CreateWave = z.input<typeof createWaveBody>;
export type UpdateWave = z.input<typeof updateWaveBody>;
export type AnswerBody = z.input<typeof answerBody>;
