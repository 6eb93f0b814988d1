import { z } from '@hono/zod-openapi';
import { dateOrTime } from '../../http/dates.js';
import { safeText } from '../../http/safe-text.js';

/** A date (`2025-03-01`, midnight UTC) or a date-time with its zone, in the years the API accepts. */
export const instant = dateOrTime;

export const adoptionQuery = z.object({
  from: instant.optional(),
  to: instant.optional(),
  interval: z.enum(['week', 'month']).default('month'),
});

const evidenceSchema = z.union([
  z.object({
    type: z.literal('detection'),
    service: z.string(),
    repository: z.string(),
    file: z.string(),
    line: z.number().int().nullable(),
    text: z.string().nullable(),
    commit: z.string(),
    matched: z.boolean(),
  }),
  z.object({
    type: z.literal('events'),
    service: z.string().nullable(),
    events: z.number().int(),
    firstAt: z.string(),
    lastAt: z.string(),
  }),
  z.object({
    type: z.literal('declaration'),
    status: z.enum(['using', 'stopped']),
    at: z.string(),
    by: z.string().nullable(),
    note: z.string().nullable(),
  }),
]);

export const capabilityAdoptionSchema = z
  .object({
    capability: z.string(),
    from: z.string(),
    to: z.string(),
    interval: z.enum(['week', 'month']),
    summary: z.object({
      eligibleTeams: z.number().int(),
      adoptingTeams: z.number().int(),
      voluntaryTeams: z.number().int(),
      mandatedTeams: z.number().int(),
      adoptionRate: z.number().nullable(),
      voluntaryShare: z.number().nullable(),
      medianDaysToAdopt: z.number().nullable(),
      churnedTeams: z.number().int(),
    }),
    series: z.array(
      z.object({
        periodStart: z.string(),
        adoptingTeams: z.number().int(),
        voluntaryTeams: z.number().int(),
        mandatedTeams: z.number().int(),
        eligibleTeams: z.number().int(),
      }),
    ),
    funnel: z.object({
      eligible: z.number().int(),
      aware: z.number().int(),
      tried: z.number().int(),
      active: z.number().int(),
      retained: z.number().int(),
    }),
    teams: z.array(
      z.object({
        team: z.string(),
        teamRef: z.string(),
        title: z.string().nullable(),
        adoptedAt: z.string(),
        churnedAt: z.string().nullable(),
        kind: z.enum(['voluntary', 'mandated']),
        status: z.enum(['active', 'churned']),
        services: z.number().int(),
        evidence: z.array(evidenceSchema),
      }),
    ),
    notAdopted: z.array(
      z.object({
        team: z.string(),
        teamRef: z.string(),
        title: z.string().nullable(),
        aware: z.boolean(),
        mandated: z.boolean(),
      }),
    ),
  })
  .openapi('CapabilityAdoption');

export const matrixSchema = z
  .object({
    capabilities: z.array(
      z.object({ name: z.string(), title: z.string().nullable(), lifecycle: z.string().nullable() }),
    ),
    teams: z.array(z.object({ name: z.string(), ref: z.string(), title: z.string().nullable() })),
    cells: z.array(
      z.object({
        team: z.string(),
        teamRef: z.string(),
        capability: z.string(),
        status: z.enum(['active', 'churned']),
        kind: z.enum(['voluntary', 'mandated']),
        adoptedAt: z.string(),
        churnedAt: z.string().nullable(),
      }),
    ),
  })
  .openapi('AdoptionMatrix');

export const teamAdoptionSchema = z
  .object({
    team: z.string(),
    uses: z.array(
      z.object({
        capability: z.string(),
        title: z.string().nullable(),
        adoptedAt: z.string(),
        churnedAt: z.string().nullable(),
        kind: z.enum(['voluntary', 'mandated']),
        status: z.enum(['active', 'churned']),
        services: z.number().int(),
      }),
    ),
    notYet: z.array(
      z.object({
        capability: z.string(),
        title: z.string().nullable(),
        lifecycle: z.string().nullable(),
        mandated: z.boolean(),
      }),
    ),
  })
  .openapi('TeamAdoption');

export const mandateSchema = z
  .object({
    id: z.number().int(),
    capability: z.string(),
    scope: z.union([z.literal('all'), z.object({ teams: z.array(z.string()) })]),
    effectiveFrom: z.string(),
    deadline: z.string().nullable(),
    note: z.string().nullable(),
    createdBy: z.string().nullable(),
  })
  .openapi('Mandate');

export const mandateList = z.object({ items: z.array(mandateSchema) });

const scopeInput = z.union([z.literal('all'), z.strictObject({ teams: z.array(safeText(200, 1)).min(1).max(1000) })]);

export const mandateCreate = z
  .strictObject({
    scope: scopeInput,
    effectiveFrom: instant,
    deadline: instant.optional(),
    note: safeText(2000).optional(),
  })
  .openapi('MandateCreate');

export const mandatePatch = z
  .strictObject({
    scope: scopeInput.optional(),
    effectiveFrom: instant.optional(),
    deadline: instant.nullable().optional(),
    note: safeText(2000).nullable().optional(),
  })
  .openapi('MandatePatch');

export const declarationCreate = z
  .strictObject({
    team: safeText(200, 1),
    status: z.enum(['using', 'stopped']),
    date: instant,
    note: safeText(2000).optional(),
  })
  .openapi('DeclarationCreate');

export const declarationSchema = z
  .object({
    id: z.number().int(),
    team: z.string(),
    status: z.enum(['using', 'stopped']),
    date: z.string(),
    note: z.string().nullable(),
    declaredBy: z.string().nullable(),
  })
  .openapi('Declaration');

export const viewCreate = z
  .strictObject({ kind: z.enum(['page', 'release-notes']).default('page') })
  .openapi('CapabilityView');

export type CapabilityAdoptionBody = z.infer<typeof capabilityAdoptionSchema>;
export type AdoptionMatrix = z.infer<typeof matrixSchema>;
export type TeamAdoptionBody = z.infer<typeof teamAdoptionSchema>;
export type Mandate = z.infer<typeof mandateSchema>;
export type MandateList = z.infer<typeof mandateList>;
/** The bodies as sent: dates as YYYY-MM-DD or a date-time with its zone. */
export type MandateCreate = z.input<typeof mandateCreate>;
export type MandatePatch = z.input<typeof mandatePatch>;
export type DeclarationCreate = z.input<typeof declarationCreate>;
export type CapabilityView = z.input<typeof viewCreate>;
export type Declaration = z.infer<typeof declarationSchema>;

export const changesQuery = z.object({
  days: z.coerce
    .number({ error: 'must be a whole number of days' })
    .int('must be a whole number of days')
    .min(7, 'must be at least 7')
    .max(365, 'must be at most 365')
    .default(90),
  to: instant.optional(),
});

export const adoptionChangesSchema = z
  .object({
    from: z.string().openapi({ description: 'Start of the period: adoption "before" is counted at this instant' }),
    to: z.string(),
    days: z.number().int(),
    adoptingNow: z.number().int().openapi({ description: 'Team × capability adoptions in use at `to`' }),
    adoptingBefore: z.number().int().openapi({ description: 'The same at `from`' }),
    capabilities: z.array(
      z.object({
        name: z.string(),
        title: z.string().nullable(),
        lifecycle: z.string().nullable(),
        eligibleTeams: z.number().int(),
        adoptingNow: z.number().int(),
        adoptingBefore: z.number().int(),
        change: z.number().int(),
        series: z.array(z.object({ periodStart: z.string(), adoptingTeams: z.number().int() })),
      }),
    ),
    fastestGrowing: z.array(z.string()).openapi({ description: 'Up to 3 capabilities with the largest gain' }),
    stalling: z.array(z.string()).openapi({
      description:
        'Capabilities offered (experimental, beta, ga) that gained no team in the period and are used by fewer than half their eligible teams',
    }),
  })
  .openapi('AdoptionChanges');

export const serviceAdoptionSchema = z
  .object({
    service: z.string(),
    uses: z.array(
      z.object({
        capability: z.string(),
        title: z.string().nullable(),
        lifecycle: z.string().nullable(),
        adoptedAt: z.string(),
        churnedAt: z.string().nullable(),
        status: z.enum(['active', 'churned']),
        evidence: z.array(evidenceSchema),
      }),
    ),
  })
  .openapi('ServiceAdoption');

export type AdoptionChanges = z.infer<typeof adoptionChangesSchema>;
export type ServiceAdoptionBody = z.infer<typeof serviceAdoptionSchema>;
