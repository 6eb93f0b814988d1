import { z } from '@hono/zod-openapi';
import { hasNul, NUL_REASON, safeText } from '../../http/safe-text.js';

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/**
 * An import's source names the entities it owns and is indexed with them: 500 characters (at most 2,000 bytes)
 * keep it under PostgreSQL's 2,704 bytes per index entry. A URL import's source is `backstage:` and the URL.
 */
export const MAX_SOURCE = 500;
export const importSource = safeText(MAX_SOURCE, 1);
export const importPath = safeText(1000, 1);

export const filesImportBody = z.strictObject({
  files: z
    .array(z.strictObject({ path: importPath, content: z.string() }))
    .min(1)
    .max(100_000),
  /** Entities of the same source that are no longer in the files become orphaned. */
  source: importSource.optional(),
  skipInvalid: z.boolean().optional(),
});

export const urlImportBody = z.strictObject({
  url: z
    .url({ protocol: /^https?$/ })
    .max(MAX_SOURCE - 'backstage:'.length, `must be at most ${MAX_SOURCE - 'backstage:'.length} characters`)
    .refine((value) => !hasNul(value), NUL_REASON),
  token: safeText(4096, 1).optional(),
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
