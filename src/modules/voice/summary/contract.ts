import { z } from '@hono/zod-openapi';
import { dateOrTime } from '../../../http/dates.js';
import { safeText } from '../../../http/safe-text.js';

export const summaryQuery = z.object({
  from: dateOrTime.optional(),
  to: dateOrTime.optional(),
  capability: safeText(253, 1).optional(),
  platformTeam: safeText(253, 1).optional(),
});

const share = z.number().nullable();
const hours = z.number().nullable();

const bugFigures = {
  n: z.number().int().openapi({ description: 'Bugs reported in the period' }),
  withoutSla: z.number().int().openapi({ description: 'Of those, bugs with no SLA for their severity' }),
  ackWithinSla: share,
  ackMet: z.number().int(),
  ackN: z.number().int().openapi({ description: 'The ack share’s denominator' }),
  fixWithinSla: share,
  fixMet: z.number().int(),
  fixN: z.number().int(),
  medianHoursToFix: hours,
  fixedN: z.number().int().openapi({ description: 'Bugs fixed in the period: the median’s sample' }),
  pastSla: z.number().int().openapi({ description: 'Open bugs whose fix deadline has passed, at asOf' }),
};

const supportFigures = {
  n: z.number().int().openapi({ description: 'Requests opened in the period' }),
  perWeek: z.number(),
  medianHoursToFirstResponse: hours,
  unanswered: z.number().int(),
  medianHoursToResolve: hours,
  unresolved: z.number().int(),
  open: z.number().int().openapi({ description: 'The queue: requests open at asOf' }),
};

export const summarySchema = z
  .object({
    from: z.string(),
    to: z.string(),
    asOf: z.string(),
    capability: z.string().nullable(),
    platformTeam: z.string().nullable(),
    bugs: z.object({
      ...bugFigures,
      byCapability: z.array(z.object({ capability: z.string(), ...bugFigures })),
    }),
    support: z.object({
      ...supportFigures,
      byPlatformTeam: z.array(z.object({ platformTeam: z.string().nullable(), ...supportFigures })),
      byCategory: z.array(z.object({ category: z.string().nullable(), ...supportFigures })),
    }),
    deflection: z.array(
      z.object({
        category: z.string(),
        capability: z.string(),
        gaDate: z.string().nullable(),
        before: z.number().nullable(),
        after: z.number().nullable(),
        ratio: z.number().nullable(),
        requestsBefore: z.number().int(),
        requestsAfter: z.number().int(),
        afterMonths: z.number().int(),
        teams: z.number().int(),
        byTeam: z.array(z.object({ team: z.string(), before: z.number(), after: z.number().nullable() })),
      }),
    ),
    contactCoverage: z.object({
      value: share,
      contacted: z.number().int(),
      teams: z.number().int(),
      since: z.string(),
    }),
  })
  .openapi('VoiceSummary');

export const seriesSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    weeks: z.array(
      z.object({
        week: z.string(),
        bugsReported: z.number().int(),
        bugsFixed: z.number().int(),
        supportOpened: z.number().int(),
        supportResolved: z.number().int(),
        queue: z.number().int(),
        medianHoursToFirstResponse: hours,
        unanswered: z.number().int(),
      }),
    ),
  })
  .openapi('VoiceSeries');

export const coverageSchema = z
  .object({
    value: share,
    contacted: z.number().int(),
    teams: z.number().int(),
    since: z.string().openapi({ description: 'The first day counted: conversations from then to today' }),
    byPlatformTeam: z.array(
      z.object({
        platformTeam: z.string(),
        value: share,
        contacted: z.number().int(),
        conversations: z.number().int(),
      }),
    ),
    talkToNext: z.array(
      z.object({
        team: z.string(),
        title: z.string().nullable(),
        lastContact: z.string().nullable(),
        openPains: z.number().int(),
        capabilitiesAdopted: z.number().int(),
        people: z.number().int(),
      }),
    ),
  })
  .openapi('ContactCoverage');
