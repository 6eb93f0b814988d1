import { z } from '@hono/zod-openapi';
import { dateOrTime } from '../../../http/dates.js';
import { pooledConversionSchema } from '../demos/contract.js';
import { deprecationSchema } from '../migrations/contract.js';
import { RELEASE_TYPES } from '../releases/contract.js';

export const shippingQuery = z.object({ from: dateOrTime.optional(), to: dateOrTime.optional() });

const counts = z.object(Object.fromEntries(RELEASE_TYPES.map((t) => [t, z.number().int()])));
const releaseRef = { id: z.number().int(), capability: z.string(), version: z.string() };

export const shippingSummarySchema = z
  .object({
    from: z.string(),
    to: z.string(),
    releases: z.object({
      total: z.number().int(),
      byType: counts,
      byCapability: z.array(z.object({ capability: z.string(), total: z.number().int(), byType: counts })),
    }),
    notes: z.object({
      withNotes: z.number().int(),
      total: z.number().int(),
      share: z.number().nullable().openapi({ description: 'Releases with notes / releases; null without releases' }),
      without: z.array(z.object(releaseRef)),
    }),
    views: z.object({
      total: z.number().int(),
      perRelease: z.number().nullable().openapi({ description: 'Views of the notes / releases (mean)' }),
      top: z.array(z.object({ ...releaseRef, views: z.number().int() })),
    }),
    voteToRelease: z.object({
      medianDays: z.number().nullable().openapi({
        description: "Median days from a request's first vote to the release that closed it",
      }),
      n: z.number().int(),
      withoutVotes: z.number().int().openapi({ description: 'Requests closed without any vote: not in the median' }),
      items: z.array(
        z.object({
          requestId: z.number().int(),
          title: z.string(),
          releaseId: z.number().int(),
          release: z.string().openapi({ description: 'The closing release: capability and version' }),
          days: z.number(),
        }),
      ),
    }),
    demos: z.object({
      conversion: pooledConversionSchema.openapi({
        description: 'Demos held in the period whose 60 days have passed, pooled: teams converted / teams eligible',
      }),
      items: z.array(
        z.object({
          id: z.number().int(),
          capability: z.string(),
          date: z.string(),
          converted: z.number().int(),
          eligible: z.number().int(),
          provisional: z.boolean(),
        }),
      ),
    }),
    migrations: z.object({
      items: z.array(deprecationSchema).openapi({
        description: 'Open deprecations and breaking changes (services still to migrate, or not evaluated yet), now',
      }),
    }),
  })
  .openapi('ShippingSummary');
export type ShippingSummary = z.infer<typeof shippingSummarySchema>;
