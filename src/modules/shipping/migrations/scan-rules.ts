import type { Kysely } from 'kysely';
import type { Database, Db } from '../../../db/schema/index.js';
import type { DetectRule } from '../../catalog/entity.js';
import { settleCapabilityMigrations } from './affected.js';
import * as repo from './repo.js';

// How scans evaluate the rules of open deprecations: each release with rules of its own is one more rule set,
// named `release:<id>`, matched alongside the capabilities. A repository's first scan after the release decides
// whether it is affected; later scans whether it still matches.

const PREFIX = 'release:';
export const ruleSetName = (releaseId: number) => `${PREFIX}${releaseId}`;

function releaseIdOf(name: string): number | null {
  if (!name.startsWith(PREFIX)) return null;
  const id = Number(name.slice(PREFIX.length));
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

export interface ReleaseRuleSet {
  name: string;
  release: number;
  rules: DetectRule[];
}

/** The rule sets a scan adds, and the repositories it must read again since some set has not seen them yet. */
export async function releaseScanInputs(
  db: Db,
  now = new Date(),
): Promise<{ ruleSets: ReleaseRuleSet[]; reread: string[] }> {
  const rows = await repo.listOwnRuleReleases(db, now);
  const ruleSets = rows.map((r) => ({
    name: ruleSetName(r.id),
    release: r.id,
    rules: (r.rules ?? []) as DetectRule[],
  }));
  return {
    ruleSets,
    reread: await repo.listUnevaluatedPaths(
      db,
      rows.map((r) => r.id),
    ),
  };
}

/** Of the rule set names a scan says it evaluated, the releases that still have rules of their own, by name. */
export async function evaluatedReleases(db: Db, names: readonly string[], now: Date): Promise<Map<string, number>> {
  const wanted = new Set(names.map(releaseIdOf).filter((id): id is number => id !== null));
  if (wanted.size === 0) return new Map();
  const open = await repo.listOwnRuleReleases(db, now);
  return new Map(open.filter((r) => wanted.has(r.id)).map((r) => [ruleSetName(r.id), r.id]));
}

/** One scanned repository's matches of the release rule sets (evaluated: name → release id). */
export async function storeReleaseMatches(
  tx: Db,
  input: {
    evaluated: Map<string, number>;
    scanId: number;
    repositoryId: number;
    serviceId: number | null;
    matches: { capability: string; evidence: unknown[] }[];
    now: Date;
  },
): Promise<void> {
  const found = new Map(input.matches.map((m) => [m.capability, m.evidence]));
  for (const [name, releaseId] of input.evaluated) {
    const evidence = found.get(name) ?? null;
    const fact = { releaseId, repositoryId: input.repositoryId, scanId: input.scanId, at: input.now };
    const row = { ...fact, serviceId: input.serviceId, evidence: evidence && evidence.length > 0 ? evidence : null };
    if (await repo.findEvaluation(tx, releaseId, input.repositoryId)) await repo.updateMigration(tx, row);
    else await repo.insertEvaluation(tx, row);
  }
}

/** After a scan is stored: fixes the affected sets it completed and lets the detections move the other releases. */
export async function settleReleaseMigrations(
  db: Kysely<Database>,
  input: { evaluated: Map<string, number>; scanId: number; now: Date },
): Promise<void> {
  await repo.markAffected(db, [...input.evaluated.values()], input.now);
  await settleCapabilityMigrations(db, input.scanId, input.now);
}
