import { z } from '@hono/zod-openapi';

const sha = z.string().regex(/^[0-9a-f]{7,64}$/, 'must be a commit id');
const isoTime = z.iso.datetime({ offset: true });

const evidence = z.strictObject({
  ruleIndex: z.number().int().min(0),
  file: z.string().min(1).max(1000),
  line: z.number().int().positive().nullable(),
  text: z.string().max(1000).nullable(),
});

/** One repository's scan, as the scanner produces it; also what `paved scan` uploads to a running server. */
export const repositoryResult = z.union([
  z.strictObject({
    path: z.string().min(1).max(4000),
    name: z.string().min(1).max(500),
    head: sha,
    headDate: isoTime,
    remoteUrl: z.string().max(2000).nullable(),
    component: z.strictObject({ name: z.string().max(63), namespace: z.string().max(63) }).nullable(),
    matches: z
      .array(
        z.strictObject({
          capability: z.string().min(1).max(63),
          evidence: z.array(evidence).max(100),
          firstAdoption: z.strictObject({ commit: sha, date: isoTime }).nullable(),
        }),
      )
      .max(1000),
    problems: z.array(z.string().max(2000)).max(1000),
  }),
  z.strictObject({ path: z.string().min(1).max(4000), unchanged: z.literal(true), head: sha }),
  z.strictObject({ path: z.string().min(1).max(4000), error: z.string().max(2000) }),
]);

export const scanResultsBody = z
  .strictObject({
    root: z.string().min(1).max(4000),
    history: z.boolean(),
    repositories: z.array(repositoryResult).max(20_000),
    problems: z.array(z.string().max(2000)).max(20_000).default([]),
  })
  .openapi('ScanResults');

export const scanRequest = z
  .strictObject({ path: z.string().min(1).max(4000).optional(), history: z.boolean().default(false) })
  .openapi('ScanRequest');

export const scanSummary = z.object({
  repositories: z.number().int(),
  scanned: z.number().int(),
  unchanged: z.number().int(),
  failed: z.number().int(),
  mapped: z.number().int(),
  unmapped: z.array(z.string()),
  matching: z.number().int(),
  churned: z.number().int(),
});

export const scanSchema = z
  .object({
    id: z.number().int(),
    root: z.string(),
    history: z.boolean(),
    status: z.enum(['queued', 'running', 'succeeded', 'failed']),
    summary: scanSummary.nullable(),
    problems: z.array(z.string()),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('Scan');

export const repositorySchema = z
  .object({
    path: z.string(),
    name: z.string(),
    remoteUrl: z.string().nullable(),
    service: z.string().nullable(),
    head: z.string().nullable(),
    lastScannedAt: z.string().nullable(),
    lastError: z.string().nullable(),
  })
  .openapi('ScannedRepository');

export type RepositoryResult = z.infer<typeof repositoryResult>;
export type ScanSummary = z.infer<typeof scanSummary>;
export type Scan = z.infer<typeof scanSchema>;
export type ScannedRepository = z.infer<typeof repositorySchema>;
