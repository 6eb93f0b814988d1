import { z } from '@hono/zod-openapi';

export const overviewSchema = z
  .object({
    customerTeams: z.number().int(),
    platformTeams: z.number().int(),
    services: z.number().int(),
    capabilities: z.number().int(),
    users: z.number().int(),
    orphaned: z.number().int(),
    capabilitiesByLifecycle: z.array(z.object({ lifecycle: z.string().nullable(), count: z.number().int() })),
  })
  .openapi('Overview');

export const attentionSchema = z
  .object({
    unmappedNames: z
      .number()
      .int()
      .openapi({ description: 'Repositories and PagerDuty services mapping to no service' }),
    unmappedFacts: z.number().int().openapi({ description: 'Their deployments, changes and incidents' }),
    failedDeliveries: z.number().int().openapi({ description: 'Stored webhook deliveries that failed to derive' }),
    repositories: z.number().int(),
    staleScans: z.number().int().openapi({ description: 'Repositories not scanned in the last 7 days' }),
    failedScans: z.number().int().openapi({ description: 'Repositories whose last scan failed' }),
  })
  .openapi('Attention');

export type Overview = z.infer<typeof overviewSchema>;
export type Attention = z.infer<typeof attentionSchema>;
