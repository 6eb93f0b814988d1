import { z } from '@hono/zod-openapi';
import { safeText } from '../../../http/safe-text.js';
import { categoryText } from '../feedback/contract.js';

const hours = z
  .number({ error: 'must be a number of calendar hours' })
  .positive('must be more than 0 hours')
  .max(24 * 366, 'must be at most a year of hours');

const severityPolicy = z.strictObject({ acknowledgeHours: hours, fixHours: hours });

/** Severities "1" (the worst) to "4"; a severity left out has no SLA (its bugs are counted apart, as withoutSla). */
export const slaBody = z
  .strictObject({
    severities: z.strictObject({
      '1': severityPolicy.optional(),
      '2': severityPolicy.optional(),
      '3': severityPolicy.optional(),
      '4': severityPolicy.optional(),
    }),
  })
  .openapi('SlaPolicyInput');

export type SlaBody = z.infer<typeof slaBody>;

export const slaSchema = z
  .object({
    capability: z.string(),
    severities: z.record(z.string(), z.object({ acknowledgeHours: z.number(), fixHours: z.number() })),
  })
  .openapi('SlaPolicy');

export const categoryParams = z.object({ category: categoryText });

export const categoryBody = z
  .strictObject({
    /** The capability that made the category self-service; null unlinks it. */
    capability: safeText(253, 1).nullable(),
  })
  .openapi('SupportCategoryInput');

export const categorySchema = z
  .object({
    category: z.string(),
    capability: z.string().nullable(),
    /** The capability's GA date (spec.gaDate), from which deflection is measured. */
    gaDate: z.string().nullable(),
    /** Support requests of the category, all time. */
    requests: z.number().int(),
  })
  .openapi('SupportCategory');
