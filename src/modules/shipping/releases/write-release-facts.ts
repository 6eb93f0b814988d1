import type { Insertable } from 'kysely';
import type { Fact, ReleaseFact } from '../../../connectors/facts.js';
import type { Db } from '../../../db/schema/index.js';
import type { ReleasesTable } from '../../../db/schema/shipping.js';
import { actor } from '../../audit/actor.js';
import { diffFields, recordAudit } from '../../audit/service.js';
import { capabilityByRepository } from '../../voice/feedback/sources/repo.js';
import { queueReleaseFollowUps } from '../published.js';
import { MIGRATION_TYPES, semverOf } from './contract.js';
import * as repo from './repo.js';

// Releases published on capability repositories, written inside the derivation's transaction. Keyed by the
// sender's release id, so deriving a delivery again changes nothing; an edit keeps the release in step, a deletion
// deletes it. A release Paved cannot put on a capability (its repository is named by none, its tag is not a
// version, or the capability already has that version) is kept on no capability and listed (unmapped.ts).

type Row = Insertable<ReleasesTable>;
const COMPARED = ['capability_id', 'version', 'type', 'title', 'notes', 'external_url', 'external_repository'] as const;

export async function writeReleaseFacts(db: Db, facts: Fact[]): Promise<void> {
  for (const fact of facts) if (fact.kind === 'release') await applyRelease(db, fact);
}

/** Where the release goes: the capability its repository names, else the one it was put on by hand. */
async function capabilityFor(
  db: Db,
  fact: ReleaseFact,
  version: string | null,
  existing: repo.ReleaseWithCapability | undefined,
): Promise<number | null> {
  if (version === null) return null;
  const named = await capabilityByRepository(db, fact.source, fact.repository);
  const id = named?.id ?? existing?.capability_id ?? null;
  if (id === null) return null;
  return (await repo.releaseWithVersion(db, id, version, existing?.id ?? 0)) ? null : id;
}

async function applyRelease(db: Db, fact: ReleaseFact, again = false): Promise<void> {
  const who = actor(`webhook:${fact.source}`, 'webhook');
  const existing = await repo.releaseByExternalId(db, fact.source, fact.externalId);
  if (fact.deleted) {
    if (!existing) return;
    await repo.deleteRelease(db, existing.id);
    await recordAudit(db, who, {
      action: 'delete',
      entity: { kind: 'release', id: existing.id, ref: existing.capability_ref },
      summary: `Release ${existing.version} deleted on ${fact.source} (${fact.repository})`,
    });
    return;
  }
  const version = semverOf(fact.tag);
  const row: Row = {
    capability_id: await capabilityFor(db, fact, version, existing),
    version: version ?? fact.tag.slice(0, 100),
    type: fact.type,
    title: fact.title,
    notes: fact.notes,
    released_at: fact.releasedAt,
    source: fact.source,
    external_id: fact.externalId,
    external_url: fact.url,
    external_repository: fact.repository,
    created_by: fact.author,
  };
  if (!existing) {
    const id = await repo.insertRelease(db, row);
    // Another derivation of the same release inserted it meanwhile: then this one updates it.
    if (id === undefined) return again ? undefined : applyRelease(db, fact, true);
    await recordAudit(db, who, {
      action: 'create',
      entity: { kind: 'release', id, ref: null },
      summary: `Release ${row.version} published on ${fact.source} (${fact.repository})${row.capability_id === null ? ', on no capability' : ''}`,
    });
    if (row.capability_id !== null) await queueReleaseFollowUps(db, id);
    return;
  }
  const changes: Partial<Row> = {};
  for (const field of COMPARED) if (existing[field] !== row[field]) Object.assign(changes, { [field]: row[field] });
  if (new Date(existing.released_at).getTime() !== fact.releasedAt.getTime()) changes.released_at = fact.releasedAt;
  if (!MIGRATION_TYPES.includes(fact.type) && (existing.deadline_text !== null || existing.rules !== null))
    Object.assign(changes, { deadline: null, rules: null });
  if (Object.keys(changes).length === 0) return;
  await repo.updateRelease(db, existing.id, changes);
  const show = (v: unknown) => (v instanceof Date ? v.toISOString() : (v ?? null));
  const was = existing as Record<string, unknown>;
  await recordAudit(db, who, {
    action: 'update',
    entity: { kind: 'release', id: existing.id, ref: existing.capability_ref },
    summary: `Release ${row.version} edited on ${fact.source} (${fact.repository})`,
    changes: diffFields(
      Object.fromEntries(Object.keys(changes).map((k) => [k, show(was[k])])),
      Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, show(v)])),
    ),
  });
  if (row.capability_id !== null) await queueReleaseFollowUps(db, existing.id);
}
