import { z } from '@hono/zod-openapi';
import { calendarDate } from '../../http/dates.js';
import { cursorParam, pageLimit } from '../../http/page.js';
import { hasNul, NUL_REASON, safeText } from '../../http/safe-text.js';
import { CAPABILITY_LIFECYCLES, DEPENDENCY_ECOSYSTEMS, MAX_DESCRIPTION } from './entity.js';

const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const nameSchema = z
  .string()
  .min(1)
  .max(63)
  .regex(NAME, 'must be 1-63 letters, digits, "-", "_" or "." and start and end with a letter or digit');
const text = (max: number) => safeText(max);
const url = z.url().refine((value) => !hasNul(value), NUL_REASON);

export const ownerSchema = z
  .object({ ref: z.string(), name: z.string(), title: z.string().nullable() })
  .nullable()
  .openapi('OwnerSummary');

export const historyEventSchema = z.object({
  action: z.enum(['created', 'updated', 'orphaned', 'restored']),
  at: z.string(),
  importId: z.number().int().nullable(),
  actor: z.string().nullable(),
});

const entityBase = {
  ref: z.string(),
  name: z.string(),
  namespace: z.string(),
  title: z.string().nullable(),
  description: z.string().nullable(),
  status: z.enum(['active', 'orphaned']),
  tags: z.array(z.string()),
  links: z.array(z.object({ url: z.string(), title: z.string().optional(), icon: z.string().optional() })),
  source: z.string(),
  updatedAt: z.string(),
};

export const teamSchema = z
  .object({
    ...entityBase,
    type: z.string().nullable(),
    teamKind: z.enum(['customer', 'platform', 'other']),
    parentRef: z.string().nullable(),
    parent: ownerSchema.openapi({ description: 'The parent team, while it is an active team of the catalog' }),
    counts: z.object({ services: z.number().int(), capabilities: z.number().int(), members: z.number().int() }),
  })
  .openapi('Team');

export const repositorySchema = z
  .object({ provider: z.enum(['github', 'gitlab']), slug: z.string(), url: z.string() })
  .nullable()
  .openapi('Repository');

export const serviceSchema = z
  .object({
    ...entityBase,
    type: z.string().nullable(),
    lifecycle: z.string().nullable(),
    ownerRef: z.string().nullable(),
    owner: ownerSchema,
    systemRef: z.string().nullable(),
    repository: repositorySchema,
    pagerdutyServiceId: z.string().nullable(),
    annotations: z.record(z.string(), z.string()),
  })
  .openapi('Service');

export const detectRuleSchema = z.union([
  z.strictObject({ files: safeText(500, 1), pattern: safeText(1000, 1).optional() }),
  z.strictObject({
    dependency: z.strictObject({ ecosystem: z.enum(DEPENDENCY_ECOSYSTEMS), name: safeText(300, 1) }),
  }),
]);

export const capabilitySchema = z
  .object({
    ...entityBase,
    ownerRef: z.string().nullable(),
    owner: ownerSchema,
    lifecycle: z.enum(CAPABILITY_LIFECYCLES),
    category: z.string().nullable(),
    gaDate: z.string().nullable(),
    docs: z.string().nullable(),
    audience: z.array(z.string()),
    detect: z.array(detectRuleSchema),
  })
  .openapi('Capability');

export const domainSchema = z
  .object({ ...entityBase, ownerRef: z.string().nullable(), owner: ownerSchema })
  .openapi('Domain', { description: 'A Backstage Domain: an area of the business that groups systems' });

export const resourceSchema = z
  .object({
    ...entityBase,
    type: z.string().nullable(),
    ownerRef: z.string().nullable(),
    owner: ownerSchema,
    systemRef: z.string().nullable(),
  })
  .openapi('Resource', { description: 'A Backstage Resource: infrastructure a service needs (a database, a bucket)' });

export const pageOf = <T extends z.ZodType>(item: T, name: string) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() }).openapi(name);

export const teamPage = pageOf(teamSchema, 'TeamPage');
export const servicePage = pageOf(serviceSchema, 'ServicePage');
export const capabilityPage = pageOf(capabilitySchema, 'CapabilityPage');
export const domainPage = pageOf(domainSchema, 'DomainPage');
export const resourcePage = pageOf(resourceSchema, 'ResourcePage');

export const listQuery = z.object({
  limit: pageLimit(200, 50),
  cursor: cursorParam,
  owner: safeText(200).optional(),
  lifecycle: safeText(63).optional(),
  type: safeText(63).optional(),
  q: safeText(200).optional(),
  status: z.enum(['active', 'orphaned']).optional(),
});

export const capabilityListQuery = listQuery.extend({ category: safeText(63).optional() });

export const teamListQuery = listQuery.extend({ kind: z.enum(['customer', 'platform']).optional() });

export const nameParams = z.object({ name: nameSchema });
export const namespaceQuery = z.object({ namespace: safeText(63).default('default') });

/** In a PATCH, `null` clears an optional text. */
const clearable = { title: text(200).nullable().optional(), description: text(MAX_DESCRIPTION).nullable().optional() };

const common = {
  title: text(200).optional(),
  description: text(MAX_DESCRIPTION).optional(),
  tags: z.array(safeText(63)).max(50).optional(),
  links: z
    .array(z.strictObject({ url, title: text(200).optional() }))
    .max(50)
    .optional(),
};

export const capabilityCreate = z
  .strictObject({
    name: nameSchema,
    namespace: safeText(63).optional(),
    ...common,
    owner: safeText(200, 1),
    lifecycle: z.enum(CAPABILITY_LIFECYCLES),
    category: text(63).optional(),
    gaDate: calendarDate.optional(),
    docs: url.optional(),
    audience: z.array(safeText(63)).max(20).optional(),
    detect: z.array(detectRuleSchema).max(50).optional(),
  })
  .openapi('CapabilityCreate');

export const capabilityPatch = capabilityCreate
  .omit({ name: true, namespace: true })
  .partial()
  .extend({
    ...clearable,
    gaDate: calendarDate.nullable().optional(),
    docs: url.nullable().optional(),
    category: text(63).nullable().optional(),
  })
  .strict()
  .openapi('CapabilityPatch');

export const teamCreate = z
  .strictObject({
    name: nameSchema,
    namespace: safeText(63).optional(),
    ...common,
    type: safeText(63, 1).default('team'),
    parent: safeText(200).optional(),
    email: z.email().optional(),
  })
  .openapi('TeamCreate');

export const teamPatch = teamCreate
  .omit({ name: true, namespace: true })
  .partial()
  .extend({ ...clearable, parent: safeText(200).nullable().optional() })
  .strict()
  .openapi('TeamPatch');

export const serviceCreate = z
  .strictObject({
    name: nameSchema,
    namespace: safeText(63).optional(),
    ...common,
    type: safeText(63, 1),
    lifecycle: safeText(63, 1),
    owner: safeText(200, 1),
    system: safeText(200).optional(),
    annotations: z.record(safeText(253), safeText(1000)).optional(),
  })
  .openapi('ServiceCreate');

export const servicePatch = serviceCreate
  .omit({ name: true, namespace: true })
  .partial()
  .extend({ ...clearable, system: safeText(200).nullable().optional() })
  .strict()
  .openapi('ServicePatch');

export const searchResultSchema = z
  .object({
    kind: z.string().openapi({
      description: 'team, service, capability, user, system, api, domain or resource',
    }),
    ref: z.string(),
    name: z.string(),
    title: z.string().nullable(),
    description: z.string().nullable(),
    status: z.string(),
    owner: ownerSchema.openapi({ description: 'Its owning team, when the catalog has it' }),
    partOf: z
      .string()
      .nullable()
      .openapi({ description: "The system it is part of (a System's: its domain), as a ref" }),
  })
  .openapi('SearchResult');

export const searchResponse = z.object({ items: z.array(searchResultSchema) });

export const teamDetail = z.object({
  team: teamSchema,
  email: z.string().nullable(),
  parent: z.object({ ref: z.string(), name: z.string(), title: z.string().nullable() }).nullable(),
  children: z.array(teamSchema),
  members: z.array(
    z.object({ ref: z.string(), name: z.string(), displayName: z.string(), email: z.string().nullable() }),
  ),
  services: z.array(serviceSchema),
  capabilities: z.array(capabilitySchema),
  history: z.array(historyEventSchema),
});
export const serviceDetail = z.object({ service: serviceSchema, history: z.array(historyEventSchema) });
export const capabilityDetail = z.object({ capability: capabilitySchema, history: z.array(historyEventSchema) });

export type TeamDetail = z.infer<typeof teamDetail>;
export type ServiceDetail = z.infer<typeof serviceDetail>;
export type CapabilityDetail = z.infer<typeof capabilityDetail>;
export type Team = z.infer<typeof teamSchema>;
export type Service = z.infer<typeof serviceSchema>;
export type Capability = z.infer<typeof capabilitySchema>;
export type SearchResult = z.infer<typeof searchResultSchema>;
export type Domain = z.infer<typeof domainSchema>;
export type Resource = z.infer<typeof resourceSchema>;
export type DomainPage = z.infer<typeof domainPage>;
export type ResourcePage = z.infer<typeof resourcePage>;
export type SearchResponse = z.infer<typeof searchResponse>;
export type TeamPage = z.infer<typeof teamPage>;
export type ServicePage = z.infer<typeof servicePage>;
export type CapabilityPage = z.infer<typeof capabilityPage>;
/** A list's query as sent (limit and cursor aside, the filters). */
export type ListQuery = z.input<typeof listQuery>;
export type CapabilityListQuery = z.input<typeof capabilityListQuery>;
export type TeamListQuery = z.input<typeof teamListQuery>;
export type HistoryEvent = z.infer<typeof historyEventSchema>;
export type CapabilityCreate = z.infer<typeof capabilityCreate>;
export type CapabilityPatch = z.infer<typeof capabilityPatch>;
export type TeamCreate = z.infer<typeof teamCreate>;
export type TeamPatch = z.infer<typeof teamPatch>;
export type ServiceCreate = z.infer<typeof serviceCreate>;
export type ServicePatch = z.infer<typeof servicePatch>;
