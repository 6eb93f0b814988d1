import type { Updateable } from 'kysely';
import type { Db } from '../../../db/schema/index.js';
import type { RoadmapItemsTable } from '../../../db/schema/voice.js';
import { assertAdministers } from '../../../http/access.js';
import { notFound } from '../../../http/errors.js';
import type { Principal } from '../../../http/router.js';
import { validationError } from '../../../http/router.js';
import { diffFields, recordAudit } from '../../audit/service.js';
import { entityNamed } from '../problems/catalog-names.js';
import type { RoadmapCreate, RoadmapPatch } from './contract.js';
import {
  existingTargets,
  findRoadmapItem,
  insertRoadmapItem,
  linksOf,
  lockRoadmapItem,
  replaceLinks,
  updateRoadmapItem,
} from './repo.js';

// A roadmap item on a capability is a commitment of the platform team that owns it: only its members (and
// organisation admins) create or change it. An item on no capability is any platform member's.

/** Every id must name a problem (or a request): a 400 naming each that does not. */
async function checkTargets(tx: Db, kind: 'problem' | 'request', ids: number[] | undefined): Promise<void> {
  if (!ids?.length) return;
  const found = await existingTargets(tx, kind, ids);
  const missing = ids.flatMap((id, i) =>
    found.has(id) ? [] : [{ field: `${kind}s[${i}]`, reason: `there is no ${kind} ${id}` }],
  );
  if (missing.length) throw validationError(missing);
}

async function ownedCapability(tx: Db, who: Principal, name: string | null | undefined) {
  if (name === undefined) return undefined;
  if (name === null) return null;
  const capability = await entityNamed(tx, name, 'capability', 'capability');
  assertAdministers(who, capability.owner_ref);
  return capability;
}

async function auditState(tx: Db, id: number): Promise<Record<string, unknown> | null> {
  const row = await findRoadmapItem(tx, id);
  if (!row) return null;
  const links = await linksOf(tx, [id]);
  return {
    title: row.title,
    description: row.description,
    capability: row.capability_name,
    status: row.status,
    targetQuarter: row.target_quarter,
    impact: row.impact,
    confidence: row.confidence,
    effort: row.effort,
    problems: links.filter((l) => l.kind === 'problem').map((l) => l.id),
    requests: links.filter((l) => l.kind === 'request').map((l) => l.id),
  };
}

export async function createRoadmapItem(tx: Db, who: Principal, input: RoadmapCreate): Promise<number> {
  const capability = await ownedCapability(tx, who, input.capability);
  await checkTargets(tx, 'problem', input.problems);
  await checkTargets(tx, 'request', input.requests);
  const id = await insertRoadmapItem(tx, {
    title: input.title,
    description: input.description ?? null,
    capability_id: capability?.id ?? null,
    status: input.status,
    target_quarter: input.targetQuarter ?? null,
    impact: input.impact ?? null,
    confidence: input.confidence ?? null,
    effort: input.effort ?? null,
    created_by: who.name,
  });
  await replaceLinks(tx, id, 'problem', input.problems ?? []);
  await replaceLinks(tx, id, 'request', input.requests ?? []);
  await recordAudit(tx, who, {
    action: 'create',
    entity: { kind: 'roadmap-item', id, ref: capability?.ref ?? null },
    summary: `Roadmap item "${input.title}" (${input.status})`,
    changes: diffFields(null, await auditState(tx, id)),
  });
  return id;
}

export async function changeRoadmapItem(tx: Db, who: Principal, id: number, patch: RoadmapPatch): Promise<void> {
  const row = await lockRoadmapItem(tx, id);
  if (!row) throw notFound(`roadmap item ${id}`);
  if (row.capability_owner) assertAdministers(who, row.capability_owner);
  const capability = await ownedCapability(tx, who, patch.capability);
  await checkTargets(tx, 'problem', patch.problems);
  await checkTargets(tx, 'request', patch.requests);
  const before = await auditState(tx, id);
  const changes: Updateable<RoadmapItemsTable> = {};
  if (patch.title !== undefined) changes.title = patch.title;
  if (patch.description !== undefined) changes.description = patch.description;
  if (capability !== undefined) changes.capability_id = capability?.id ?? null;
  if (patch.status !== undefined) changes.status = patch.status;
  if (patch.targetQuarter !== undefined) changes.target_quarter = patch.targetQuarter;
  for (const field of ['impact', 'confidence', 'effort'] as const)
    if (patch[field] !== undefined) changes[field] = patch[field];
  await updateRoadmapItem(tx, id, changes);
  if (patch.problems) await replaceLinks(tx, id, 'problem', patch.problems);
  if (patch.requests) await replaceLinks(tx, id, 'request', patch.requests);
  const after = await auditState(tx, id);
  await recordAudit(tx, who, {
    action: 'update',
    entity: { kind: 'roadmap-item', id, ref: capability?.ref ?? null },
    summary: `Roadmap item "${String(after?.title)}" changed`,
    changes: diffFields(before, after),
  });
}
