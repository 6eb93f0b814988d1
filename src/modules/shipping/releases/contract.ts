import { z } from '@hono/zod-openapi';
import { calendarDate, dateOrTime } from '../../../http/dates.js';
import { safeText } from '../../../http/safe-text.js';
import { detectRuleSchema } from '../../catalog/contract.js';

// A release of a capability (DOMAIN.md, Shipping): a semver version, a type, Markdown notes, a date, and the
// requests, bugs and roadmap items it closes. A deprecation or breaking release names the rules that find the old
// usage (its capability's own when none) and a deadline.

export const RELEASE_TYPES = ['feature', 'fix', 'breaking', 'deprecation', 'security'] as const;
export type ReleaseType = (typeof RELEASE_TYPES)[number];
/** Types that take something away: they name a deadline and have affected services to migrate. */
export const MIGRATION_TYPES: readonly ReleaseType[] = ['breaking', 'deprecation'];
export const CLOSES_KINDS = ['request', 'bug', 'roadmap'] as const;

/** Semantic Versioning 2.0.0's own pattern (semver.org), with an optional leading "v" that is dropped. */
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
const SEMVER_REASON = 'must be a semantic version like 1.4.0 (semver.org), optionally with a leading "v"';

/** The version without a leading "v", or null when it is not semver. */
export function semverOf(value: string): string | null {
  const bare = /^v\d/i.test(value) ? value.slice(1) : value;
  return bare.length <= 100 && SEMVER.test(bare) ? bare : null;
}

export const semver = z
  .string({ error: SEMVER_REASON })
  .refine((v) => semverOf(v) !== null, SEMVER_REASON)
  .transform((v) => semverOf(v) as string);

export const closesItem = z.strictObject({
  kind: z.enum(CLOSES_KINDS),
  id: z.number({ error: 'must be an item id' }).int('must be a whole number').positive('must be positive'),
});

export const releaseCreate = z
  .strictObject({
    capability: safeText(253, 1),
    version: semver,
    type: z.enum(RELEASE_TYPES),
    title: safeText(200, 1).nullish(),
    notes: safeText(100_000),
    date: dateOrTime.optional(),
    closes: z.array(closesItem).max(500, 'at most 500 items').optional(),
    deadline: calendarDate.nullish(),
    rules: z.array(detectRuleSchema).min(1).max(50).nullish(),
  })
  .openapi('ReleaseInput');
export type ReleaseCreate = z.infer<typeof releaseCreate>;

/** Given, `closes` replaces what the release closes. */
export const releasePatch = releaseCreate.partial().openapi('ReleasePatch');
export type ReleasePatch = z.infer<typeof releasePatch>;

export const releaseSchema = z
  .object({
    id: z.number().int(),
    capability: z.string().nullable().openapi({ description: 'Null: from a repository no capability names' }),
    capabilityTitle: z.string().nullable(),
    version: z.string(),
    type: z.enum(RELEASE_TYPES),
    title: z.string().nullable(),
    notes: z.string().openapi({ description: 'Markdown' }),
    date: z.string().openapi({ description: 'When it was released (ISO 8601)' }),
    deadline: z.string().nullable().openapi({ description: 'A deprecation or breaking change: when the old goes' }),
    rules: z.array(detectRuleSchema).nullable().openapi({ description: "Old usage's rules; null: the capability's" }),
    source: z.enum(['paved', 'cli', 'github', 'gitlab']),
    url: z.string().nullable().openapi({ description: 'The release on GitHub or GitLab' }),
    repository: z.string().nullable(),
    closes: z.array(
      z.object({ kind: z.enum(CLOSES_KINDS), id: z.number().int(), title: z.string(), status: z.string() }),
    ),
    views: z.number().int().openapi({ description: 'Times its notes were viewed' }),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Release');
export type Release = z.infer<typeof releaseSchema>;

const typeList = z
  .string()
  .transform((v, ctx) => {
    const types = v.split(',').map((t) => t.trim());
    const bad = types.find((t) => !(RELEASE_TYPES as readonly string[]).includes(t));
    if (bad !== undefined) {
      ctx.addIssue({ code: 'custom', message: `"${bad}" is not one of ${RELEASE_TYPES.join(', ')}` });
      return z.NEVER;
    }
    return types as ReleaseType[];
  })
  .openapi({ description: `Comma-separated: ${RELEASE_TYPES.join(', ')}` });

export const releaseQuery = z.object({
  capability: safeText(253, 1).optional(),
  type: typeList.optional(),
  from: dateOrTime.optional(),
  to: dateOrTime.optional(),
  q: safeText(200, 1).optional(),
  cursor: safeText(200, 1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ReleaseQuery = z.infer<typeof releaseQuery>;

export const releaseList = z
  .object({ items: z.array(releaseSchema), nextCursor: z.string().nullable() })
  .openapi('ReleaseList');

/** A release from a repository's own releases that is on no capability, and why. */
export const unmappedRelease = releaseSchema
  .extend({ reason: z.string().openapi({ description: 'Why it is on no capability' }) })
  .openapi('UnmappedRelease');
export type UnmappedRelease = z.infer<typeof unmappedRelease>;

export const unmappedReleaseList = z
  .object({ items: z.array(unmappedRelease), nextCursor: z.string().nullable() })
  .openapi('UnmappedReleaseList');
