import type { Updateable } from 'kysely';
import type { Db } from '../../../db/schema/index.js';
import type { ReleasesTable } from '../../../db/schema/shipping.js';
import { AppError, notFound } from '../../../http/errors.js';
import { validationError } from '../../../http/router.js';
import type { Actor } from '../../audit/actor.js';
import { diffFields, recordAudit } from '../../audit/service.js';
import { entityNamed } from '../../voice/problems/catalog-names.js';
import { queueReleaseFollowUps } from '../published.js';
import { checkCloses, closeItems } from './close-items.js';
import { MIGRATION_TYPES, type ReleaseCreate, type ReleasePatch, type ReleaseType } from './contract.js';
import * as repo from './repo.js';

// A release of a capability is the platform team's word to its users: only the team that owns the capability (and
// organisation admins) publish, change or delete one. The route checks that through `authorize`; the CLI writing
// to the database directly is trusted as whoever may read the data directory.

export interface WriteOptions {
  /** Refuses (throws) when the writer may not publish for a capability owned by this team. */
  authorize: (ownerRef: string | null) => void;
}

const conflict = (version: string, capability: string) =>
  new AppError('CONFLICT', `version: ${capability} already has a release ${version}`, [
    { field: 'version', reason: `${capability} already has a release ${version}` },
  ]);

/** `deadline` and `rules` belong to a release that takes something away: a 400 naming each given otherwise. */
function checkMigrationFields(type: ReleaseType, fields: { deadline?: unknown; rules?: unknown }): void {
  if (MIGRATION_TYPES.includes(type)) return;
  const wrong = (['deadline', 'rules'] as const).filter((f) => fields[f] !== undefined && fields[f] !== null);
  if (wrong.length)
    throw validationError(
      wrong.map((field) => ({ field, reason: `only a ${MIGRATION_TYPES.join(' or ')} release has one` })),
    );
}

const isUniqueViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === '23505';

/** The release as the audit trail records it. */
async function auditState(db: Db, id: number): Promise<Record<string, unknown> | null> {
  const row = await repo.findRelease(db, id);
  if (!row) return null;
  const closes = await repo.closesOf(db, [id]);
  return {
    capability: row.capability_name,
    version: row.version,
    type: row.type,
    title: row.title,
    notes: row.notes,
    date: new Date(row.released_at).toISOString(),
    deadline: row.deadline_text,
    rules: row.rules,
    closes: closes.map((c) => `${c.kind}:${c.id}`),
  };
}

export async function createRelease(
  tx: Db,
  who: Actor,
  input: ReleaseCreate,
  options: WriteOptions & { source: 'paved' | 'cli' },
): Promise<number> {
  const capability = await entityNamed(tx, input.capability, 'capability', 'capability');
  options.authorize(capability.owner_ref);
  checkMigrationFields(input.type, input);
  await checkCloses(tx, input.closes);
  if (await repo.releaseWithVersion(tx, capability.id, input.version)) throw conflict(input.version, capability.name);
  const at = input.date ?? new Date();
  let id: number | undefined;
  try {
    id = await repo.insertRelease(tx, {
      capability_id: capability.id,
      version: input.version,
      type: input.type,
      title: input.title ?? null,
      notes: input.notes,
      released_at: at,
      deadline: input.deadline ?? null,
      rules: input.rules ? JSON.stringify(input.rules) : null,
      source: options.source,
      created_by: who.name,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(input.version, capability.name);
    throw error;
  }
  if (id === undefined) throw new Error('a release without an external id cannot conflict on it');
  await repo.replaceCloses(tx, id, input.closes ?? []);
  await recordAudit(tx, who, {
    action: 'create',
    entity: { kind: 'release', id, ref: capability.ref },
    summary: `Release ${input.version} of ${capability.name} (${input.type})`,
    changes: diffFields(null, await auditState(tx, id)),
  });
  await closeItems(tx, who, { id, version: input.version, at, capabilityRef: capability.ref }, input.closes ?? []);
  await queueReleaseFollowUps(tx, id);
  return id;
}

export async function changeRelease(
  tx: Db,
  who: Actor,
  id: number,
  patch: ReleasePatch,
  options: WriteOptions,
): Promise<void> {
  const row = await repo.lockRelease(tx, id);
  if (!row) throw notFound(`release ${id}`);
  if (row.capability_id !== null) options.authorize(row.capability_owner);
  const capability = patch.capability ? await entityNamed(tx, patch.capability, 'capability', 'capability') : null;
  if (capability && capability.id !== row.capability_id) options.authorize(capability.owner_ref);
  if (!capability && row.capability_id === null) options.authorize(null);
  const type = patch.type ?? row.type;
  checkMigrationFields(type, patch);
  await checkCloses(tx, patch.closes);
  const capabilityId = capability?.id ?? row.capability_id;
  const version = patch.version ?? row.version;
  const name = capability?.name ?? row.capability_name ?? '';
  if (capabilityId !== null && (await repo.releaseWithVersion(tx, capabilityId, version, id)))
    throw conflict(version, name);

  const before = await auditState(tx, id);
  const changes: Updateable<ReleasesTable> = {};
  if (capability) changes.capability_id = capability.id;
  if (patch.version !== undefined) changes.version = patch.version;
  if (patch.type !== undefined) changes.type = patch.type;
  if (patch.title !== undefined) changes.title = patch.title;
  if (patch.notes !== undefined) changes.notes = patch.notes;
  if (patch.date !== undefined) changes.released_at = patch.date;
  if (patch.deadline !== undefined) changes.deadline = patch.deadline;
  if (patch.rules !== undefined) changes.rules = patch.rules ? JSON.stringify(patch.rules) : null;
  // A release that no longer takes anything away has no deadline and no old usage to find.
  if (!MIGRATION_TYPES.includes(type)) Object.assign(changes, { deadline: null, rules: null });
  try {
    await repo.updateRelease(tx, id, changes);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(version, name);
    throw error;
  }
  if (patch.closes) await repo.replaceCloses(tx, id, patch.closes);
  const after = await auditState(tx, id);
  const ref = capability?.ref ?? row.capability_ref;
  await recordAudit(tx, who, {
    action: 'update',
    entity: { kind: 'release', id, ref },
    summary: `Release ${version} of ${name || 'no capability'} changed`,
    changes: diffFields(before, after),
  });
  const at = patch.date ?? new Date(row.released_at);
  if (patch.closes) await closeItems(tx, who, { id, version, at, capabilityRef: ref }, patch.closes);
  if (capabilityId !== null) await queueReleaseFollowUps(tx, id);
}

/** Deletes a release; what it closed stays closed. */
export async function deleteRelease(tx: Db, who: Actor, id: number, options: WriteOptions): Promise<void> {
  const row = await repo.lockRelease(tx, id);
  if (!row) throw notFound(`release ${id}`);
  options.authorize(row.capability_owner);
  const before = await auditState(tx, id);
  await repo.deleteRelease(tx, id);
  await recordAudit(tx, who, {
    action: 'delete',
    entity: { kind: 'release', id, ref: row.capability_ref },
    summary: `Release ${row.version} of ${row.capability_name ?? 'no capability'} deleted`,
    changes: diffFields(before, null),
  });
}
