import { z } from '@hono/zod-openapi';
import { zonedTime } from '../../../http/dates.js';
import { safeText } from '../../../http/safe-text.js';

const sha = z.string().regex(/^[0-9a-f]{7,64}$/, 'must be a commit id');
const isoTime = zonedTime;

/** A repository's path is unique, so indexed: at most 2,000 bytes fit PostgreSQL's 2,704 per index entry. */
const repositoryPath = safeText(1000, 1).refine(
  (value) => new TextEncoder().encode(value).length <= 2000,
  'must be at most 2,000 bytes',
);

const evidence = z.strictObject({
  ruleIndex: z.number().int().min(0),
  file: safeText(1000, 1),
  line: z.number().int().positive().nullable(),
  text: safeText(1000).nullable(),
});

/** One repository's scan, as the scanner produces it; also what `paved scan` uploads to a running server. */
export const repositoryResult = z.union([
  z.strictObject({
    path: repositoryPath,
    name: safeText(500, 1),
    head: sha,
    headDate: isoTime,
    remoteUrl: safeText(2000).nullable(),
    component: z.strictObject({ name: safeText(63), namespace: safeText(63) }).nullable(),
    matches: z
      .array(
        z.strictObject({
          capability: safeText(63, 1),
          evidence: z.array(evidence).max(100),
          firstAdoption: z.strictObject({ commit: sha, date: isoTime }).nullable(),
        }),
      )
      .max(1000),
    problems: z.array(safeText(2000)).max(1000),
  }),
  z.strictObject({ path: repositoryPath, unchanged: z.literal(true), head: sha }),
  z.strictObject({ path: repositoryPath, error: safeText(2000) }),
]);

export const scanResultsBody = z
  .strictObject({
    root: safeText(4000, 1),
    history: z.boolean(),
    repositories: z.array(repositoryResult).max(20_000),
    problems: z.array(safeText(2000)).max(20_000).default([]),
    ruleSets: z
      .array(safeText(63, 1))
      .max(1000)
      .optional()
      .openapi({
        description:
          'Rule sets evaluated besides the capabilities: `release:<id>` for an open deprecation with rules of its own ' +
          '(GET /api/v1/deprecations/rules). Without it, matches of such sets are not read.',
      }),
  })
  .openapi('ScanResults');

export const scanRequest = z
  .strictObject({ path: safeText(4000, 1).optional(), history: z.boolean().default(false) })
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
