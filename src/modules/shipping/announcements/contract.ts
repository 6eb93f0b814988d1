import { z } from '@hono/zod-openapi';
import { safeText } from '../../../http/safe-text.js';
import { RELEASE_TYPES } from '../releases/contract.js';

// Subscriptions: where a release is announced (a Slack incoming webhook, a Microsoft Teams workflow webhook, a
// generic JSON webhook signed per Standard Webhooks) and which releases (a filter). Announcements: one release to
// one subscription, with every delivery attempt.

export const SUBSCRIPTION_KINDS = ['slack', 'teams', 'webhook'] as const;

export const subscriptionFilter = z
  .strictObject({
    capabilities: z.array(safeText(253, 1)).min(1, 'name at least one capability, or leave it out').max(100).optional(),
    team: safeText(253, 1).optional(),
    types: z.array(z.enum(RELEASE_TYPES)).min(1, 'name at least one type, or leave it out').optional(),
  })
  .openapi('SubscriptionFilter', {
    description:
      "All given must match; none: every release. `team`: the releases that are news for the team (its what's new)",
  });
export type SubscriptionFilter = z.infer<typeof subscriptionFilter>;

export const subscriptionCreate = z
  .strictObject({
    kind: z.enum(SUBSCRIPTION_KINDS),
    url: safeText(2000, 1),
    name: safeText(100, 1).nullish(),
    filter: subscriptionFilter.optional(),
  })
  .openapi('SubscriptionInput');
export type SubscriptionCreate = z.infer<typeof subscriptionCreate>;

export const subscriptionSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(SUBSCRIPTION_KINDS),
    name: z.string().nullable(),
    host: z.string().openapi({ description: 'The destination host (the URL itself is a secret and never shown)' }),
    filter: z.object({
      capabilities: z.array(z.string()).optional(),
      team: z.string().optional(),
      types: z.array(z.enum(RELEASE_TYPES)).optional(),
    }),
    state: z.enum(['active', 'paused']),
    pausedAt: z.string().nullable(),
    pauseReason: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    counts: z.object({ pending: z.number().int(), delivered: z.number().int(), failed: z.number().int() }),
    lastDeliveredAt: z.string().nullable(),
  })
  .openapi('Subscription');
export type Subscription = z.infer<typeof subscriptionSchema>;

export const createdSubscriptionSchema = subscriptionSchema
  .extend({
    secret: z.string().nullable().openapi({
      description: 'A webhook\'s signing secret ("whsec_…", Standard Webhooks): in this response only; null otherwise',
    }),
  })
  .openapi('CreatedSubscription');
export type CreatedSubscription = z.infer<typeof createdSubscriptionSchema>;

export const attemptSchema = z
  .object({
    at: z.string(),
    statusCode: z.number().int().nullable().openapi({ description: 'Null: no answer (refused, timed out)' }),
    latencyMs: z.number().int(),
    responseExcerpt: z.string().nullable().openapi({ description: 'The first 500 characters of the answer' }),
    error: z.string().nullable(),
  })
  .openapi('AnnouncementAttempt');

export const deliverySchema = z
  .object({
    id: z.number().int(),
    release: z.object({
      id: z.number().int(),
      capability: z.string().nullable(),
      version: z.string(),
      type: z.enum(RELEASE_TYPES),
      title: z.string().nullable(),
    }),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.array(attemptSchema),
    nextAttemptAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Announcement');
export type Delivery = z.infer<typeof deliverySchema>;

export const subscriptionParams = z.object({ id: z.coerce.number().int().positive() });
export const deliveriesQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(20) });
