import { z } from '@hono/zod-openapi';

export const AUDIT_CHANNELS = ['api', 'ui', 'cli', 'webhook', 'job'] as const;
export const MAX_AUDIT_PAGE = 200;

const text = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((v) => !v.includes('\0'), 'must not contain NUL characters');

/** A date (`2026-03-01`, midnight UTC) or a date-time with its zone, between 1900 and 9999. */
const instant = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })])
  .transform((v) => new Date(v.length === 10 ? `${v}T00:00:00Z` : v))
  .refine((d) => d.getUTCFullYear() >= 1900 && d.getUTCFullYear() <= 9999, 'must be between 1900 and 9999');

export const auditQuery = z.object({
  actor: text(200)
    .optional()
    .openapi({ description: 'Who is credited (a person, a token name, `cli:<user>`), exact, any case' }),
  kind: text(50).optional().openapi({
    description: 'Entity kind: capability, group, component, mandate, declaration, token, import, delivery…',
  }),
  entity: text(300).optional().openapi({
    description:
      'Catalog ref of the entity concerned (`capability:default/golden-ci`), with its mandates and declarations',
  }),
  action: text(50).optional().openapi({ description: 'create, update, delete, import, revoke, reprocess, deliver…' }),
  channel: z.enum(AUDIT_CHANNELS).optional(),
  from: instant.optional().openapi({ description: 'From this time on (inclusive)' }),
  to: instant.optional().openapi({ description: 'Before this time' }),
  q: text(200).optional().openapi({ description: 'Text in the summary, actor or entity' }),
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_AUDIT_PAGE).default(50),
});

const changeSchema = z.object({ before: z.unknown(), after: z.unknown() });

export const auditEntrySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: z
      .string()
      .openapi({ description: 'Who is credited: a person, a token name, `cli:<os user>`, `webhook:<sender>`' }),
    person: z.string().nullable(),
    tokenId: z.number().int().nullable(),
    channel: z.enum(AUDIT_CHANNELS),
    action: z.string(),
    entity: z.object({ kind: z.string(), id: z.string().nullable(), ref: z.string().nullable() }),
    summary: z.string(),
    changes: z
      .record(z.string(), changeSchema)
      .nullable()
      .openapi({ description: 'Changed fields, before and after; secrets read "[redacted]"' }),
  })
  .openapi('AuditEntry');

export const auditPage = z
  .object({ items: z.array(auditEntrySchema), nextCursor: z.string().nullable() })
  .openapi('AuditPage');

export type AuditQuery = z.infer<typeof auditQuery>;
export type AuditEntryView = z.infer<typeof auditEntrySchema>;
export type AuditPage = z.infer<typeof auditPage>;
