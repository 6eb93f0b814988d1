import { z } from '@hono/zod-openapi';

const zoned = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 time with a zone, like 2025-03-01T12:00:00Z' });
const sha = z.string().regex(/^[0-9a-fA-F]{7,64}$/, 'must be a commit id');
const ref = z.string().min(1).max(200);

export const deploymentInput = z.strictObject({
  id: z.string().min(1).max(200),
  service: ref,
  environment: z.string().min(1).max(100).default('production'),
  commit: sha.optional(),
  finishedAt: zoned,
});

export const changeInput = z.strictObject({
  service: ref,
  commit: sha,
  timestamp: zoned,
});

export const incidentInput = z.strictObject({
  id: z.string().min(1).max(200),
  service: ref,
  title: z.string().max(500).optional(),
  severity: z.string().max(50).optional(),
  causes: z.array(z.string().min(1).max(100)).max(20).optional(),
  triggeredAt: zoned,
  resolvedAt: zoned.optional(),
});

export const MAX_BATCH = 10_000;

export const batchResult = z
  .object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), rejected: z.array(z.object({ index: z.number().int(), error: z.string() })) })
  .openapi('FactBatchResult');

const level = z.enum(['elite', 'high', 'medium', 'low']);
export const doraSchema = z
  .object({
    scope: z.string(),
    from: z.string(),
    to: z.string(),
    deployments: z.number().int(),
    deploymentFrequency: z.object({ perDay: z.number(), perWeek: z.number() }),
    changeLeadTime: z.object({ medianHours: z.number().nullable(), n: z.number().int() }),
    changeFailRate: z.object({ value: z.number().nullable(), failed: z.number().int(), total: z.number().int() }),
    failedDeploymentRecoveryTime: z.object({ medianHours: z.number().nullable(), n: z.number().int() }),
    reworkRate: z.object({ value: z.number().nullable(), rework: z.number().int(), total: z.number().int() }),
    incidentRecoveryTime: z.object({ medianHours: z.number().nullable(), n: z.number().int(), unresolved: z.number().int() }),
    levels: z.object({ deploymentFrequency: level, changeLeadTime: level.nullable(), changeFailRate: level.nullable(), recoveryTime: level.nullable() }),
  })
  .openapi('Dora');

export const doraQuery = z.object({
  scope: z
    .string()
    .regex(/^(org|team:.+|service:.+)$/, 'must be org, team:<name> or service:<name>')
    .default('org'),
  from: zoned.optional(),
  to: zoned.optional(),
});

export type BatchResult = z.infer<typeof batchResult>;
export type DeploymentInput = z.infer<typeof deploymentInput>;
export type ChangeInput = z.infer<typeof changeInput>;
export type IncidentInput = z.infer<typeof incidentInput>;
