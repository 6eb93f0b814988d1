import { z } from '@hono/zod-openapi';
import { safeText } from '../../../http/safe-text.js';

// Feed tokens (a feed reader cannot send headers: the URL carries a read-only, revocable token) and the feeds a
// person may read.

export const feedTokenCreate = z.strictObject({ name: safeText(100, 1) }).openapi('FeedTokenInput');

export const feedTokenSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable().openapi({ description: 'When a feed was last read with it' }),
  })
  .openapi('FeedToken');
export type FeedToken = z.infer<typeof feedTokenSchema>;

export const issuedFeedTokenSchema = feedTokenSchema
  .extend({ token: z.string().openapi({ description: 'The secret: shown in this answer only, stored hashed' }) })
  .openapi('IssuedFeedToken');
export type IssuedFeedToken = z.infer<typeof issuedFeedTokenSchema>;

export const FEED_KINDS = ['all', 'capability', 'team'] as const;

export const feedSchema = z
  .object({
    kind: z.enum(FEED_KINDS),
    name: z.string().nullable().openapi({ description: 'The capability or team; null for all releases' }),
    title: z.string(),
    atom: z.string().openapi({ description: 'Atom 1.0 URL, with {token} for a feed token' }),
    json: z.string().openapi({ description: 'JSON Feed 1.1 URL, with {token} for a feed token' }),
  })
  .openapi('Feed');
export type Feed = z.infer<typeof feedSchema>;

export const feedListSchema = z
  .object({
    items: z.array(feedSchema),
    placeholder: z.literal('{token}').openapi({ description: 'Replace it in each URL with one of your feed tokens' }),
  })
  .openapi('FeedList');
export type FeedList = z.infer<typeof feedListSchema>;
