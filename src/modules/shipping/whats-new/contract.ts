import { z } from '@hono/zod-openapi';
import { dateOrTime } from '../../../http/dates.js';
import { cursorParam, pageLimit } from '../../../http/page.js';
import { RELEASE_TYPES } from '../releases/contract.js';

// What's new for a team (DOMAIN.md, Shipping): releases of the capabilities it uses or asked for, with why; the
// breaking changes and deprecations that touch it first.

export const whatsNewQuery = z.object({
  from: dateOrTime.optional().openapi({ description: 'Releases on or after this date or time' }),
  cursor: cursorParam,
  limit: pageLimit(100, 20),
});
export type WhatsNewQuery = z.infer<typeof whatsNewQuery>;

export const newsItemSchema = z
  .object({
    id: z.number().int(),
    capability: z.string(),
    capabilityTitle: z.string().nullable(),
    version: z.string(),
    type: z.enum(RELEASE_TYPES),
    title: z.string().nullable(),
    notes: z.string().openapi({ description: 'Markdown' }),
    date: z.string().openapi({ description: 'When it was released (ISO 8601)' }),
    deadline: z.string().nullable().openapi({ description: "A deprecation's or breaking change's deadline" }),
    why: z.array(z.enum(['uses', 'asked'])).openapi({
      description: 'uses: the team uses the capability (adoption); asked: it asked for it (requests, votes)',
    }),
    touchesTeam: z.boolean().openapi({
      description:
        'A breaking change or deprecation of a capability the team uses, still open: its deadline has not passed, or it has none and is from the last 90 days. Listed first',
    }),
  })
  .openapi('NewsItem');
export type NewsItem = z.infer<typeof newsItemSchema>;

export const whatsNewSchema = z
  .object({
    team: z.string().openapi({ description: 'The team (ref)' }),
    items: z.array(newsItemSchema),
    nextCursor: z.string().nullable(),
  })
  .openapi('WhatsNew');
export type WhatsNew = z.infer<typeof whatsNewSchema>;
