import { z } from '@hono/zod-openapi';
import { zonedTime } from '../../http/dates.js';
import { cursorParam, pageLimit } from '../../http/page.js';
import { safeText } from '../../http/safe-text.js';
import { DORA_LEVELS } from '../../shared/dora-levels.js';
import { pageOf } from '../catalog/contract.js';
import { SERVICE_ANNOTATION } from '../catalog/service-mapping/annotations.js';

const zoned = zonedTime;
const sha = z.string().regex(/^[0-9a-fA-F]{7,64}$/, 'must be a commit id');
const text = (min: number, max: number) => safeText(max, min);
const ref = text(1, 200);

export const deploymentInput = z.strictObject({
  id: text(1, 200),
  service: ref,
  environment: text(1, 100).default('production'),
  commit: sha.optional(),
  finishedAt: zoned,
});

export const changeInput = z.strictObject({
  service: ref,
  commit: sha,
  timestamp: zoned,
});

/** Senders whose incidents a backfill may name; `api` is the API's own. */
export const INCIDENT_SOURCES = ['api', 'pagerduty', 'github', 'gitlab'] as const;

export const incidentInput = z.strictObject({
  id: text(1, 200).openapi({ description: "The incident's id; with a source other than api, the sender's own id" }),
  source: z
    .enum(INCIDENT_SOURCES, { error: `must be one of ${INCIDENT_SOURCES.join(', ')}` })
    .optional()
    .openapi({
      description:
        'Whose incident this is (default api): naming a sender updates the incident its webhooks gave (say, one whose trigger time they did not give) instead of adding another',
    }),
  service: ref,
  title: text(0, 500).optional(),
  severity: text(0, 50).optional(),
  causes: z.array(text(1, 100)).max(20).optional(),
  url: text(1, 2000)
    .regex(/^https?:\/\/\S+$/, 'must be an http(s) URL')
    .optional()
    .openapi({ description: "The incident's page in the tool that tracks it" }),
  triggeredAt: zoned,
  resolvedAt: zoned.optional(),
});

export const MAX_BATCH = 10_000;

export const batchResult = z
  .object({
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.array(z.object({ index: z.number().int(), error: z.string() })),
  })
  .openapi('FactBatchResult');

const level = z.enum(DORA_LEVELS);
/** The numbers of one period, shared by GET /dora and each point of GET /dora/series. */
const doraMetrics = {
  deployments: z.number().int(),
  deploymentFrequency: z.object({ perDay: z.number(), perWeek: z.number() }),
  changeLeadTime: z.object({ medianHours: z.number().nullable(), n: z.number().int() }),
  changeFailRate: z.object({ value: z.number().nullable(), failed: z.number().int(), total: z.number().int() }),
  failedDeploymentRecoveryTime: z.object({ medianHours: z.number().nullable(), n: z.number().int() }),
  reworkRate: z.object({ value: z.number().nullable(), rework: z.number().int(), total: z.number().int() }),
  incidentRecoveryTime: z.object({
    medianHours: z.number().nullable(),
    n: z.number().int(),
    unresolved: z.number().int(),
  }),
  levels: z.object({
    deploymentFrequency: level,
    changeLeadTime: level.nullable(),
    changeFailRate: level.nullable(),
    recoveryTime: level.nullable(),
  }),
};
export const doraSchema = z
  .object({ scope: z.string(), from: z.string(), to: z.string(), ...doraMetrics })
  .openapi('Dora');

/**
 * Without `from`, a period is the 90 days before `to` (the web app's default too): a quarter holds enough
 * deployments and incidents for a small team's medians and rates to mean something, and is how people plan.
 */
export const DEFAULT_PERIOD_DAYS = 90;

export const doraQuery = z.object({
  scope: safeText(300)
    .regex(/^(org|team:.+|service:.+)$/, 'must be org, team:<name> or service:<name>')
    .default('org'),
  from: zoned
    .optional()
    .openapi({ description: `Start of the period, included; default: ${DEFAULT_PERIOD_DAYS} days before \`to\`` }),
  to: zoned.optional().openapi({ description: 'End of the period, excluded; default: now' }),
});

export const doraSeriesQuery = doraQuery.extend({
  from: zoned
    .optional()
    .openapi({ description: 'Start, rounded down to its week or month; default: 12 of them before `to`' }),
  interval: z.enum(['week', 'month']).default('month'),
});

export const doraSeriesSchema = z
  .object({
    scope: z.string(),
    interval: z.enum(['week', 'month']),
    from: z.string(),
    to: z.string(),
    points: z.array(z.object({ start: z.string(), end: z.string(), ...doraMetrics })),
  })
  .openapi('DoraSeries');

const flag = z
  .enum(['true', 'false'], { error: 'must be true or false' })
  .transform((v) => v === 'true')
  .optional();
const page = {
  limit: pageLimit(500, 50),
  cursor: cursorParam,
};

export const deploymentListQuery = doraQuery.extend({ failed: flag, rework: flag, ...page });
export const incidentListQuery = doraQuery.extend({ status: z.enum(['open', 'resolved']).optional(), ...page });

const namedRef = z.object({ ref: z.string(), name: z.string() });

export const deploymentRowSchema = z
  .object({
    id: z.string(),
    source: z.string(),
    externalId: z.string(),
    service: namedRef,
    team: namedRef.nullable(),
    repository: z.string().nullable(),
    environment: z.string(),
    commit: z.string().nullable(),
    finishedAt: z.string(),
    shipped: z.number().int(),
    leadTimeMedianHours: z.number().nullable(),
    failed: z.boolean(),
    incidents: z.array(
      z.object({
        id: z.string(),
        title: z.string().nullable(),
        triggeredAt: z.string(),
        resolvedAt: z.string().nullable(),
      }),
    ),
    recoveryHours: z.number().nullable(),
    rework: z.boolean(),
  })
  .openapi('DeploymentRow');

export const incidentRowSchema = z
  .object({
    id: z.string(),
    source: z.string(),
    externalId: z.string(),
    title: z.string().nullable(),
    severity: z.string().nullable(),
    causes: z.array(z.string()),
    service: namedRef,
    team: namedRef.nullable(),
    triggeredAt: z.string().openapi({
      description: 'When it was triggered; while triggerTimeKnown is false, the latest it can have been',
    }),
    triggerTimeKnown: z.boolean().openapi({
      description:
        'False when no event has said when it was triggered yet (a PagerDuty acknowledge or resolve without the incident’s created_at, before its trigger): it then counts in no recovery time until a trigger event or a backfill gives the time',
    }),
    resolvedAt: z.string().nullable(),
    url: z.string().nullable().openapi({ description: "The incident's page at its sender, when known" }),
    recoveryHours: z
      .number()
      .nullable()
      .openapi({ description: 'Resolved minus triggered; null while open or while the trigger time is not known' }),
    deployment: z.object({ id: z.string(), finishedAt: z.string(), commit: z.string().nullable() }).nullable(),
  })
  .openapi('IncidentRow');

export const deploymentPage = pageOf(deploymentRowSchema, 'DeploymentPage');
export const incidentPage = pageOf(incidentRowSchema, 'IncidentPage');

export const unmappedName = z
  .object({
    source: z.enum(['github', 'gitlab', 'pagerduty']),
    name: z.string().openapi({ description: 'The repository slug, or the PagerDuty service id' }),
    annotation: z
      .enum([SERVICE_ANNOTATION.github, SERVICE_ANNOTATION.gitlab, SERVICE_ANNOTATION.pagerduty])
      .openapi({ description: 'The annotation a service needs to claim these facts' }),
    deployments: z.number().int(),
    changes: z.number().int(),
    incidents: z.number().int(),
    lastSeen: z.string(),
  })
  .openapi('UnmappedName');

export const unmappedList = z.object({ items: z.array(unmappedName) });

export const remapCounts = z
  .object({ deployments: z.number().int(), changes: z.number().int(), incidents: z.number().int() })
  .openapi('RemapCounts');

export type Dora = z.infer<typeof doraSchema>;
export type DoraSeries = z.infer<typeof doraSeriesSchema>;
export type DeploymentRow = z.infer<typeof deploymentRowSchema>;
export type IncidentRow = z.infer<typeof incidentRowSchema>;
export type DeploymentPage = z.infer<typeof deploymentPage>;
export type IncidentPage = z.infer<typeof incidentPage>;
export type UnmappedName = z.infer<typeof unmappedName>;
export type UnmappedList = z.infer<typeof unmappedList>;
export type RemapCounts = z.infer<typeof remapCounts>;
/** The queries as sent. */
export type DoraQuery = z.input<typeof doraQuery>;
export type DeploymentListQuery = z.input<typeof deploymentListQuery>;
export type IncidentListQuery = z.input<typeof incidentListQuery>;
export type BatchResult = z.infer<typeof batchResult>;
export type DeploymentInput = z.infer<typeof deploymentInput>;
export type ChangeInput = z.infer<typeof changeInput>;
export type IncidentInput = z.infer<typeof incidentInput>;
