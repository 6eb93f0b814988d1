import { z } from '@hono/zod-openapi';
import { cursorParam, pageLimit } from '../../../http/page.js';

// A person's in-app notifications (newest first, with the unread count) and the capabilities they follow.

/** Why a person was told: they follow the capability, they asked for what shipped, or their team must migrate. */
export const NOTIFICATION_KINDS = ['followed-release', 'asked-shipped', 'migration'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const notificationQuery = z.object({
  unread: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .optional()
    .transform((v) => v === 'true')
    .openapi({ description: 'true: only the unread ones' }),
  limit: pageLimit(200, 50),
  cursor: cursorParam,
});
export type NotificationQuery = z.infer<typeof notificationQuery>;

export const notificationSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(NOTIFICATION_KINDS),
    title: z.string(),
    body: z.string().nullable(),
    link: z.string().nullable().openapi({ description: 'The page it is about, in the web app' }),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi('Notification');
export type Notification = z.infer<typeof notificationSchema>;

export const notificationPage = z
  .object({
    items: z.array(notificationSchema),
    nextCursor: z.string().nullable(),
    unread: z.number().int().openapi({ description: "The caller's unread notifications, all pages" }),
  })
  .openapi('NotificationPage');
export type NotificationPage = z.infer<typeof notificationPage>;

const MARK_REASON = 'give either "ids" (the notifications to mark read) or "all": true';

export const markReadInput = z
  .strictObject({
    ids: z
      .array(
        z.number({ error: 'must be a notification id' }).int('must be a whole number').positive('must be positive'),
      )
      .min(1, 'must name at least one notification')
      .max(500, 'at most 500 ids')
      .optional(),
    all: z.literal(true, { error: 'must be true' }).optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.ids === undefined) === (v.all === undefined))
      ctx.addIssue({ code: 'custom', path: ['ids'], message: MARK_REASON });
  })
  .openapi('MarkNotificationsRead');
export type MarkReadInput = z.infer<typeof markReadInput>;

export const markReadResult = z
  .object({
    marked: z.number().int().openapi({ description: 'Notifications of yours that were unread and now are read' }),
    unread: z.number().int(),
  })
  .openapi('MarkNotificationsReadResult');

export const followSchema = z
  .object({
    capability: z.string(),
    title: z.string().nullable(),
    followedAt: z.string(),
  })
  .openapi('Follow');
export type Follow = z.infer<typeof followSchema>;

export const followState = z
  .object({ capability: z.string(), following: z.boolean(), followedAt: z.string().nullable() })
  .openapi('FollowState');
export type FollowState = z.infer<typeof followState>;
