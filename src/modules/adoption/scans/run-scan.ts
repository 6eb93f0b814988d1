import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema/index.js';
import type { DetectRule } from '../../catalog/entity.js';
import { releaseScanInputs } from '../../shipping/migrations/scan-rules.js';
import { findRepositories } from '../scan/find-repositories.js';
import { scanRepository } from '../scan/scan-repository.js';
import type { RepositoryResult } from './contract.js';
import * as repo from './repo.js';

export interface ScanOptions {
  root: string;
  /** A real path the repositories must stay inside (the API's PAVED_SCAN_ROOT), symbolic links resolved. */
  within?: string | undefined;
  history: boolean;
  /** Heads from the last scan, by repository path: unchanged repositories are skipped. */
  previousHeads: Map<string, string>;
  capabilities: { capability: string; rules: DetectRule[] }[];
  concurrency?: number;
}

/** Scans every repository under root with git (read only). Pure of the database; see storeScanResults. */
export async function scanTree(options: ScanOptions): Promise<{ results: RepositoryResult[]; problems: string[] }> {
  const found = await findRepositories(options.root, options.within === undefined ? {} : { within: options.within });
  const results: RepositoryResult[] = new Array(found.repositories.length);
  let next = 0;
  const worker = async () => {
    while (next < found.repositories.length) {
      const index = next++;
      const path = found.repositories[index] as string;
      const previousHead = options.previousHeads.get(path);
      results[index] = (await scanRepository(path, options.capabilities, {
        history: options.history,
        ...(previousHead ? { previousHead } : {}),
      })) as RepositoryResult;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 2 }, worker));
  const problems = [...found.problems];
  for (const r of results) {
    if ('error' in r) problems.push(`${r.path}: ${r.error}`);
    else if ('problems' in r) problems.push(...r.problems.map((p) => `${r.name}: ${p}`));
  }
  return { results, problems };
}

/**
 * What a scan needs from the database: each capability's rules and the last heads seen, plus the rules of open
 * deprecations with rules of their own (named `release:<id>`, listed in `ruleSets`); a repository some of those have
 * not evaluated yet is read again even when its HEAD did not move.
 */
export async function scanInputs(db: Kysely<Database>) {
  const capabilities = (await repo.listCapabilityRules(db))
    .map((c) => ({ capability: c.name, rules: ((c.spec as { detect?: DetectRule[] }).detect ?? []) as DetectRule[] }))
    .filter((c) => c.rules.length > 0);
  const releases = await releaseScanInputs(db);
  const reread = new Set(releases.reread);
  const previousHeads = new Map(
    (await repo.listRepositories(db))
      .filter((r) => r.head !== null && !reread.has(r.path))
      .map((r) => [r.path, r.head as string]),
  );
  capabilities.push(...releases.ruleSets.map((r) => ({ capability: r.name, rules: r.rules })));
  return { capabilities, previousHeads, ruleSets: releases.ruleSets.map((r) => r.name) };
}
