import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema/index.js';
import { codeLocations } from '../../catalog/service-mapping/annotations.js';
import { mapRepository, type ServiceCandidate } from './map-repository.js';
import type { RepositoryResult, ScanSummary } from './contract.js';
import * as repo from './repo.js';
import {
  evaluatedReleases,
  settleReleaseMigrations,
  storeReleaseMatches,
} from '../../shipping/migrations/scan-rules.js';

export async function loadServiceCandidates(db: Kysely<Database>): Promise<ServiceCandidate[]> {
  const rows = await repo.listServiceLocations(db);
  return rows.map((r) => {
    const slugs = codeLocations((r.metadata as { annotations?: Record<string, string> }).annotations ?? {});
    return { id: r.id, name: r.name, namespace: r.namespace, slugs };
  });
}

/**
 * Stores one scan's results. A capability found again keeps its first adoption date unless history gives
 * a better one; a capability no longer found makes the repository's service churned for it at this scan.
 * `ruleSets` names the deprecations' rule sets the scan evaluated besides the capabilities (`release:<id>`): their
 * matches decide which repositories a deprecation affects and when each migrated (shipping/migrations).
 */
export async function storeScanResults(
  db: Kysely<Database>,
  scanId: number,
  results: RepositoryResult[],
  now = new Date(),
  ruleSets: readonly string[] = [],
): Promise<ScanSummary> {
  const services = await loadServiceCandidates(db);
  const evaluated = await evaluatedReleases(db, ruleSets, now);
  const capabilityIds = new Map((await repo.listCapabilityRules(db)).map((c) => [c.name, c.id]));
  const summary: ScanSummary = {
    repositories: results.length,
    scanned: 0,
    unchanged: 0,
    failed: 0,
    mapped: 0,
    unmapped: [],
    matching: 0,
    churned: 0,
  };

  for (const result of results) {
    if ('unchanged' in result) {
      summary.unchanged++;
      await repo.touchRepository(db, result.path, scanId, null);
      continue;
    }
    if ('error' in result) {
      summary.failed++;
      await repo.touchRepository(db, result.path, scanId, result.error);
      continue;
    }
    summary.scanned++;
    const mapping = mapRepository(result, services);
    if (mapping) summary.mapped++;
    else summary.unmapped.push(result.name);
    await db.transaction().execute(async (tx) => {
      const headDate = new Date(result.headDate);
      const { id } = await repo.upsertRepository(tx, {
        path: result.path,
        name: result.name,
        remoteUrl: result.remoteUrl,
        serviceId: mapping?.serviceId ?? null,
        head: result.head,
        headDate,
        scanId,
      });
      const existing = new Map((await repo.listRepositoryDetections(tx, id)).map((d) => [d.capability_id, d]));
      const seen = new Set<number>();
      for (const match of result.matches) {
        const capabilityId = capabilityIds.get(match.capability);
        if (capabilityId === undefined) continue;
        seen.add(capabilityId);
        summary.matching++;
        const first = match.firstAdoption;
        const evidence = JSON.stringify(match.evidence.slice(0, 20));
        const before = existing.get(capabilityId);
        if (!before) {
          await repo.insertDetection(tx, {
            repositoryId: id,
            capabilityId,
            evidence,
            commit: result.head,
            commitDate: headDate,
            adoptedAt: first ? new Date(first.date) : headDate,
            adoptionCommit: first?.commit ?? result.head,
            fromHistory: first !== null,
          });
        } else {
          // Without history, a match that comes back after churn starts again at this scan's commit.
          const restart = !before.matched && !first;
          await repo.updateDetection(tx, id, capabilityId, {
            matched: true,
            evidence,
            commit: result.head,
            commitDate: headDate,
            unmatchedSince: null,
            ...(first
              ? { adoptedAt: new Date(first.date), adoptionCommit: first.commit, fromHistory: true }
              : restart
                ? { adoptedAt: headDate, adoptionCommit: result.head, fromHistory: false }
                : {}),
          });
        }
      }
      for (const [capabilityId, before] of existing) {
        if (seen.has(capabilityId) || !before.matched) continue;
        summary.churned++;
        await repo.updateDetection(tx, id, capabilityId, { matched: false, unmatchedSince: now });
      }
      const serviceId = mapping?.serviceId ?? null;
      await storeReleaseMatches(tx, { evaluated, scanId, repositoryId: id, serviceId, matches: result.matches, now });
    });
  }
  await settleReleaseMigrations(db, { evaluated, scanId, now });
  return summary;
}
