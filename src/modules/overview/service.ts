// The home page's numbers gathered from several modules, so that none of those modules has to know the others.
import type { Db } from '../../db/schema/index.js';
import { listRepositories } from '../adoption/scans/repo.js';
import { capabilitiesByLifecycle, countByKind, teamKindCounts } from '../catalog/repo.js';
import { listUnmapped } from '../delivery/unmapped/repo.js';
import { countReprocessable } from '../inbox/repo.js';
import type { Attention, Overview } from './contract.js';

/** The home page's headline numbers. */
export async function overview(db: Db): Promise<Overview> {
  const [rows, teamKinds, byLifecycle] = await Promise.all([
    countByKind(db),
    teamKindCounts(db),
    capabilitiesByLifecycle(db),
  ]);
  const count = (kind: string) =>
    rows.filter((r) => r.kind === kind && r.status === 'active').reduce((s, r) => s + r.n, 0);
  return {
    customerTeams: teamKinds.customer,
    platformTeams: teamKinds.platform,
    services: count('Component'),
    capabilities: count('Capability'),
    users: count('User'),
    orphaned: rows.filter((r) => r.status === 'orphaned').reduce((s, r) => s + r.n, 0),
    capabilitiesByLifecycle: byLifecycle,
  };
}

/** A repository scanned longer ago than this is stale: what it uses may have changed since. */
export const STALE_SCAN_DAYS = 7;

/** What needs the platform team's attention: facts no service claims, deliveries that failed, old or failed scans. */
export async function attention(db: Db, now = new Date()): Promise<Attention> {
  const [unmapped, failed, repositories] = await Promise.all([
    listUnmapped(db),
    countReprocessable(db, 'failed'),
    listRepositories(db),
  ]);
  const staleBefore = now.getTime() - STALE_SCAN_DAYS * 86_400_000;
  return {
    unmappedNames: unmapped.length,
    unmappedFacts: unmapped.reduce((s, u) => s + u.deployments + u.changes + u.incidents, 0),
    failedDeliveries: failed.count,
    repositories: repositories.length,
    staleScans: repositories.filter((r) => !r.last_scanned_at || new Date(r.last_scanned_at).getTime() < staleBefore)
      .length,
    failedScans: repositories.filter((r) => r.last_error !== null).length,
  };
}
