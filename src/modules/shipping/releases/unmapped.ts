import type { Db } from '../../../db/schema/index.js';
import { defineSweep } from '../../../jobs/define-sweep.js';
import { actor } from '../../audit/actor.js';
import { recordAudit } from '../../audit/service.js';
import { capabilityByRepository } from '../../voice/feedback/sources/repo.js';
import { queueReleaseFollowUps } from '../published.js';
import { semverOf, type UnmappedRelease } from './contract.js';
import { releaseViews } from './release-view.js';
import * as repo from './repo.js';

// Releases from repositories' own releases that are on no capability. Like feedback from an unmapped repository,
// they are kept and listed; deriving their deliveries again places them, and so does this module's sweep, which
// maps them as soon as a capability's project-slug names their repository.

type Row = repo.ReleaseWithCapability;
type Placement = { capabilityId: number; reason: null } | { capabilityId: null; reason: string };

/** Where an unmapped release would go now, or why it cannot. */
async function placementOf(db: Db, row: Row): Promise<Placement> {
  const source = row.source === 'gitlab' ? 'gitlab' : 'github';
  const repository = row.external_repository;
  if (row.source !== 'github' && row.source !== 'gitlab')
    return { capabilityId: null, reason: 'its capability was removed' };
  if (semverOf(row.version) === null)
    return {
      capabilityId: null,
      reason: `the tag "${row.version}" is not a semantic version (like v1.4.0): change the tag, or publish it with a version through the API`,
    };
  const capability = repository ? await capabilityByRepository(db, source, repository) : null;
  if (!capability)
    return {
      capabilityId: null,
      reason: `no capability names the repository ${repository ?? '(unknown)'} in its ${source}.com/project-slug annotation`,
    };
  const taken = await repo.releaseWithVersion(db, capability.id, row.version, row.id);
  if (taken !== undefined)
    return { capabilityId: null, reason: `${capability.ref} already has a release ${row.version} (release ${taken})` };
  return { capabilityId: capability.id, reason: null };
}

export async function unmappedViews(db: Db, rows: Row[]): Promise<UnmappedRelease[]> {
  const views = await releaseViews(db, rows);
  const out: UnmappedRelease[] = [];
  for (const [i, view] of views.entries()) {
    const placement = await placementOf(db, rows[i] as Row);
    out.push({
      ...view,
      reason: placement.reason ?? 'its repository is now named by a capability: it is mapped shortly',
    });
  }
  return out;
}

/** Puts the unmapped releases whose repository a capability now names on it; returns how many it mapped. */
export async function mapUnmappedReleases(db: Db): Promise<number> {
  return db.transaction().execute(async (tx) => {
    let mapped = 0;
    for (const row of await repo.unmappedFromRepositories(tx)) {
      const placement = await placementOf(tx, row);
      if (placement.capabilityId === null) continue;
      await repo.updateRelease(tx, row.id, { capability_id: placement.capabilityId });
      const placed = await repo.findRelease(tx, row.id);
      await recordAudit(tx, actor('paved', 'job'), {
        action: 'remap',
        entity: { kind: 'release', id: row.id, ref: placed?.capability_ref ?? null },
        summary: `Release ${row.version} of ${row.external_repository ?? 'a repository'} put on ${placed?.capability_ref ?? 'its capability'}`,
        changes: { capability: { before: null, after: placed?.capability_ref ?? null } },
      });
      await queueReleaseFollowUps(tx, row.id);
      mapped += 1;
    }
    return mapped;
  });
}

export const MAP_RELEASES_EVERY_MS = 60_000;

/** Maps unmapped releases once a minute (a capability's annotation may have named their repository meanwhile). */
export function mapReleasesSweep(everyMs = MAP_RELEASES_EVERY_MS) {
  return defineSweep({ name: 'releases.unmapped', everyMs, run: ({ db }) => mapUnmappedReleases(db) });
}
