import { z } from '@hono/zod-openapi';
import { safeText } from '../../../http/safe-text.js';
import { riceFields } from '../problems/contract.js';

// The roadmap: items the platform team plans, linked to the problems and requests they answer.

export const ROADMAP_STATUSES = ['now', 'next', 'later', 'done'] as const;

const QUARTER_REASON = 'must be a quarter like 2027-Q1';
const quarter = z
  .string({ error: QUARTER_REASON })
  .regex(/^(19|[2-9]\d)\d\d-Q[1-4]$/, QUARTER_REASON)
  .nullish();
const ids = (what: string) =>
  z
    .array(
      z
        .number({ error: `must be ${what} id` })
        .int('must be a whole number')
        .positive('must be positive'),
    )
    .max(500, 'at most 500 links');

export const roadmapCreate = z.strictObject({
  title: safeText(200, 1),
  description: safeText(20_000).nullish(),
  capability: safeText(253, 1).nullish(),
  status: z.enum(ROADMAP_STATUSES),
  targetQuarter: quarter,
  problems: ids('a problem').optional(),
  requests: ids('a request').optional(),
  ...riceFields,
});
export type RoadmapCreate = z.infer<typeof roadmapCreate>;

/** Given, `problems` and `requests` replace the links. */
export const roadmapPatch = roadmapCreate.partial();
export type RoadmapPatch = z.infer<typeof roadmapPatch>;

export const roadmapQuery = z.object({
  status: z.enum(ROADMAP_STATUSES).optional(),
  /** A team (name or ref): each item then lists the team's pains and requests it answers. */
  team: safeText(253, 1).optional(),
});

const link = z.object({ id: z.number().int(), title: z.string(), status: z.string() });

export const roadmapItemSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    description: z.string().nullable(),
    capability: z.string().nullable(),
    status: z.enum(ROADMAP_STATUSES),
    targetQuarter: z.string().nullable(),
    problems: z.array(link),
    requests: z.array(link),
    /** Customer teams reached through all linked problems and requests, each counted once. */
    teams: z.array(z.string()),
    reach: z.number().int(),
    impact: z.number().nullable(),
    confidence: z.number().nullable(),
    effort: z.number().nullable(),
    rice: z.number().nullable(),
    arithmetic: z.string(),
    /** With `?team=`: the team's pains and requests this item answers. */
    answers: z
      .array(z.object({ kind: z.enum(['pain', 'request']), id: z.number().int(), title: z.string() }))
      .optional(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('RoadmapItem');
export type RoadmapItem = z.infer<typeof roadmapItemSchema>;
