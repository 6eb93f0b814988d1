import { z } from '@hono/zod-openapi';
import { safeText } from '../../http/safe-text.js';

export const providerSchema = z.enum(['github', 'gitlab', 'pagerduty']);

export const createIntegrationBody = z
  .strictObject({
    provider: providerSchema,
    name: safeText(100, 1),
    /** Absent: Paved generates one (not for PagerDuty, which generates the signing secret itself). */
    secret: z
      .string()
      .min(16, 'must be at least 16 characters')
      .max(512)
      .regex(/^\S+$/, 'must not contain spaces or line breaks')
      .optional(),
  })
  .openapi('CreateIntegration');

export const integrationSchema = z
  .object({
    id: z.number().int(),
    provider: providerSchema,
    name: z.string(),
    /** The secret's last 4 characters, to tell integrations apart; the secret itself is never listed. */
    secretHint: z.string(),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
    lastDeliveryAt: z.string().nullable(),
  })
  .openapi('Integration');

export const createdIntegrationSchema = integrationSchema
  .extend({ secret: z.string().describe('The secret to configure in the sender; shown in this response only') })
  .openapi('CreatedIntegration');

export type Integration = z.infer<typeof integrationSchema>;
export type CreatedIntegration = z.infer<typeof createdIntegrationSchema>;
