import { z } from '@hono/zod-openapi';
import { detectRuleSchema } from '../../catalog/contract.js';
import { RELEASE_TYPES } from '../releases/contract.js';

// Deprecations and breaking changes with migration measured from evidence (DOMAIN.md, Shipping: Migration): the
// affected services are those whose repositories matched the old rules at the release; a service migrated at its
// first scan no longer matching (all its affected repositories); progress = migrated / affected.

const iso = z.string().openapi({ description: 'ISO 8601' });
const day = z.string().openapi({ description: 'YYYY-MM-DD' });

const deprecationFields = {
  id: z.number().int().openapi({ description: 'The release' }),
  capability: z.string(),
  capabilityTitle: z.string().nullable(),
  version: z.string(),
  title: z.string().nullable(),
  type: z.enum(RELEASE_TYPES),
  releasedAt: iso,
  deadline: day.nullable(),
  rules: z
    .enum(['capability', 'own'])
    .openapi({ description: "The old usage: the capability's rules or the release's" }),
  evaluated: z.boolean().openapi({ description: 'False until the evidence at the release has been read' }),
  affectedAt: iso.nullable(),
  affected: z.number().int().openapi({ description: 'Affected services' }),
  migrated: z.number().int().openapi({ description: 'Affected services none of whose repositories match any more' }),
  remaining: z.number().int(),
  progress: z.number().nullable().openapi({ description: 'migrated / affected; null when none is affected' }),
  open: z.boolean().openapi({ description: 'Not evaluated yet, or services still to migrate' }),
  teamsLate: z.array(z.string()).openapi({ description: 'Teams with services still matching after the deadline' }),
  teamsAtRisk: z.array(z.string()).openapi({
    description: 'Before the deadline, once half the time to it has gone: teams none of whose services migrated',
  }),
};

export const deprecationSchema = z.object(deprecationFields).openapi('Deprecation');

const evidenceItem = z.object({ file: z.string(), line: z.number().int().nullable() });

export const affectedServiceSchema = z
  .object({
    service: z.string().nullable().openapi({ description: 'Null: a repository no service is mapped to' }),
    serviceTitle: z.string().nullable(),
    team: z.string().nullable(),
    migratedAt: iso.nullable().openapi({ description: 'When its last affected repository stopped matching' }),
    repositories: z.array(
      z.object({
        repository: z.string(),
        path: z.string(),
        evidence: z.array(evidenceItem),
        migratedAt: iso.nullable(),
      }),
    ),
  })
  .openapi('AffectedService');

export const teamMigrationSchema = z
  .object({
    team: z.string().nullable().openapi({ description: 'Null: services without an owner' }),
    teamTitle: z.string().nullable(),
    affected: z.number().int(),
    migrated: z.number().int(),
    remaining: z.number().int(),
    late: z.boolean(),
    atRisk: z.boolean(),
    services: z.array(affectedServiceSchema),
  })
  .openapi('TeamMigration');

export const burndownPointSchema = z.object({
  date: day,
  remaining: z.number().int().nullable().openapi({ description: 'Services still matching at the end of the day' }),
  ideal: z
    .number()
    .nullable()
    .openapi({ description: 'A straight line from the affected services to 0 at the deadline' }),
});

export const migrationSchema = z
  .object({
    ...deprecationFields,
    today: day,
    teams: z.array(teamMigrationSchema).openapi({ description: 'Late teams first, then at risk, then by remaining' }),
    unmapped: z.array(affectedServiceSchema.shape.repositories.element).openapi({
      description: 'Affected repositories no service is mapped to (not counted in the services)',
    }),
    burndown: z.array(burndownPointSchema),
  })
  .openapi('Migration');

export const deprecationRulesSchema = z
  .object({
    ruleSets: z.array(z.object({ name: z.string(), release: z.number().int(), rules: z.array(detectRuleSchema) })),
    reread: z.array(z.string()).openapi({ description: 'Repository paths some rule set has not evaluated yet' }),
  })
  .openapi('DeprecationRules');

export type Deprecation = z.infer<typeof deprecationSchema>;
export type Migration = z.infer<typeof migrationSchema>;
export type TeamMigration = z.infer<typeof teamMigrationSchema>;
export type AffectedService = z.infer<typeof affectedServiceSchema>;
export type BurndownPoint = z.infer<typeof burndownPointSchema>;
export type DeprecationRules = z.infer<typeof deprecationRulesSchema>;
