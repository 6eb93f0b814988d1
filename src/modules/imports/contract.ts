import { z } from '@hono/zod-openapi';

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export const filesImportBody = z.strictObject({
  files: z
    .array(z.strictObject({ path: z.string().min(1).max(1000), content: z.string() }))
    .min(1)
    .max(100_000),
  /** Entities of the same source that are no longer in the files become orphaned. */
  source: z.string().min(1).max(1000).optional(),
  skipInvalid: z.boolean().optional(),
});

export const urlImportBody = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
  token: z.string().min(1).max(4096).optional(),
  skipInvalid: z.boolean().optional(),
});

export const importBody = z.union([filesImportBody, urlImportBody]).openapi('BackstageImport');

const summarySchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  orphaned: z.number().int(),
  restored: z.number().int(),
  skipped: z.number().int(),
  invalid: z.number().int(),
});

export const importResultSchema = z
  .object({
    id: z.number().int().nullable(),
    status: z.enum(['succeeded', 'rejected']),
    source: z.string(),
    summary: summarySchema,
    problems: z.array(z.string()),
    warnings: z.array(z.string()),
    skipped: z.array(z.string()),
  })
  .openapi('ImportResult');

export const importRecordSchema = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    source: z.string(),
    status: z.enum(['queued', 'running', 'succeeded', 'rejected', 'failed']),
    summary: summarySchema.partial().nullable(),
    problems: z.array(z.string()),
    warnings: z.array(z.string()),
    error: z.string().nullable(),
    requestedBy: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('Import');

export const importList = z.object({ items: z.array(importRecordSchema) });

export type ImportRecord = z.infer<typeof importRecordSchema>;
export type ImportList = z.infer<typeof importList>;
export type ImportResultBody = z.infer<typeof importResultSchema>;
