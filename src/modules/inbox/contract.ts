import { z } from '@hono/zod-openapi';
import { pageLimit } from '../../http/page.js';

const SOURCES = ['github', 'gitlab', 'pagerduty'] as const;
const STATUSES = ['pending', 'processed', 'ignored', 'failed'] as const;

export const deliveryQuery = z.object({
  status: z.enum(STATUSES).optional(),
  source: z.enum(SOURCES).optional(),
  limit: pageLimit(500, 50),
  cursor: z.string().max(100).optional(),
});

export const deliverySchema = z
  .object({
    id: z.string(),
    source: z.enum(SOURCES),
    deliveryId: z
      .string()
      .openapi({ description: "The sender's delivery id (X-GitHub-Delivery, the PagerDuty event id)" }),
    event: z.string(),
    status: z.enum(STATUSES),
    error: z.string().nullable().openapi({ description: 'Why a delivery failed (or was ignored)' }),
    receivedAt: z.string(),
    processedAt: z.string().nullable(),
  })
  .openapi('WebhookDelivery');

export const deliveryPage = z
  .object({ items: z.array(deliverySchema), nextCursor: z.string().nullable() })
  .openapi('WebhookDeliveryPage');

/** What a reprocess derives again: every delivery of the events Paved reads, or only the failed ones. */
export const REPROCESS_STATUSES = ['failed', 'all'] as const;
export type ReprocessStatus = (typeof REPROCESS_STATUSES)[number];

export const reprocessBody = z.strictObject({ status: z.enum(REPROCESS_STATUSES).default('all') });
export const reprocessResult = z.object({ queued: z.number().int() });

export type DeliveryQuery = z.infer<typeof deliveryQuery>;
export type WebhookDelivery = z.infer<typeof deliverySchema>;
export type DeliveryPage = z.infer<typeof deliveryPage>;
export type ReprocessBody = z.input<typeof reprocessBody>;
export type ReprocessResult = z.infer<typeof reprocessResult>;
