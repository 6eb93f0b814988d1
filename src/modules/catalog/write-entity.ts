import { stringify } from 'yaml';
import type { EntityRow } from '../../db/schema/entities.js';
import type { Database } from '../../db/schema/index.js';
import type { Kysely } from 'kysely';
import { AppError } from '../../http/errors.js';
import { validationError } from '../../http/router.js';
import { applyEntities } from './apply-entities.js';
import type {
  CapabilityCreate,
  CapabilityPatch,
  ServiceCreate,
  ServicePatch,
  TeamCreate,
  TeamPatch,
} from './contract.js';
import type { ParsedEntity } from './entity.js';
import { parseCatalogFiles } from './parse-catalog-files.js';
import * as repo from './repo.js';
import type { Actor } from '../audit/actor.js';
import { diffFields, recordAudit } from '../audit/service.js';

type Descriptor = {
  apiVersion: string;
  kind: string;
  metadata: Record<string, unknown>;
  spec: Record<string, unknown>;
};

const API_VERSION: Record<string, string> = { Capability: 'paved.dev/v1alpha1' };
const BODY_FIELD: Record<string, string> = { 'spec.owner': 'owner', 'spec.parent': 'parent', 'spec.system': 'system' };

/** The descriptor an entity would have in a file, so API writes pass the same validation as imports. */
export function toDescriptor(row: EntityRow): Descriptor {
  const m = row.metadata as Record<string, unknown>;
  return {
    apiVersion: API_VERSION[row.kind] ?? 'backstage.io/v1alpha1',
    kind: row.kind,
    metadata: {
      name: row.name,
      namespace: row.namespace,
      ...(row.title ? { title: row.title } : {}),
      ...(row.description ? { description: row.description } : {}),
      ...m,
    },
    spec: { ...(row.spec as Record<string, unknown>) },
  };
}

function validate(doc: Descriptor): ParsedEntity {
  const result = parseCatalogFiles([{ path: 'request', content: stringify(doc) }]);
  if (result.problems.length > 0) {
    throw validationError(
      result.problems.map((p) => {
        const key = p.field.replace(/^metadata\./, '');
        return {
          field: BODY_FIELD[p.field] ?? (p.field.startsWith('spec.') ? p.field.slice(5) : key),
          reason: p.reason,
        };
      }),
    );
  }
  const entity = result.entities[0];
  if (!entity) throw new AppError('VALIDATION_FAILED', 'the request does not describe an entity');
  return entity;
}

/** Sets or removes keys: `undefined` leaves a key alone, `null` removes it. */
function merge(target: Record<string, unknown>, changes: Record<string, unknown>) {
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if (value === null) delete target[key];
    else target[key] = value;
  }
}

const stateOf = (row: EntityRow) => {
  const d = toDescriptor(row);
  return { metadata: d.metadata, spec: d.spec };
};

/** Validates, writes and records in one transaction: the audit entry holds the stored fields before and after. */
async function save(db: Kysely<Database>, doc: Descriptor, source: string, actor: Actor, before: EntityRow | null) {
  const entity = validate(doc);
  return db.transaction().execute(async (tx) => {
    const existing = await repo.findStamps(tx, [entity.ref]);
    if (!before && existing.length > 0)
      throw new AppError('CONFLICT', `${entity.ref} already exists`, [{ field: 'name', reason: 'already exists' }]);
    // Read again in the transaction: the row the caller read may have changed since.
    const [current] = before ? await repo.findEntitiesByRefs(tx, [entity.ref]) : [];
    await applyEntities(tx, [entity], { source, orphanMissing: false, actor: actor.name });
    const [after] = await repo.findEntitiesByRefs(tx, [entity.ref]);
    const was = current ?? before;
    const changes = diffFields(was ? stateOf(was) : null, after ? stateOf(after) : null);
    const fields = Object.keys(changes);
    await recordAudit(tx, actor, {
      action: before ? 'update' : 'create',
      entity: { kind: entity.kind.toLowerCase(), id: after?.id ?? null, ref: entity.ref },
      summary: before
        ? fields.length
          ? `Changed ${entity.ref}: ${fields.join(', ')}`
          : `Saved ${entity.ref} unchanged`
        : `Created ${entity.ref}`,
      changes,
    });
    return entity;
  });
}

function metadataOf(body: {
  name?: string;
  namespace?: string | undefined;
  title?: string | null | undefined;
  description?: string | null | undefined;
  tags?: string[] | undefined;
  links?: { url: string; title?: string | undefined }[] | undefined;
}) {
  return {
    ...(body.name ? { name: body.name } : {}),
    ...(body.namespace ? { namespace: body.namespace } : {}),
    title: body.title === '' ? null : body.title,
    description: body.description === '' ? null : body.description,
    tags: body.tags,
    links: body.links,
  };
}

export async function createCapability(db: Kysely<Database>, body: CapabilityCreate, actor: Actor) {
  const spec: Record<string, unknown> = {};
  merge(spec, {
    owner: body.owner,
    lifecycle: body.lifecycle,
    category: body.category,
    gaDate: body.gaDate,
    docs: body.docs,
    audience: body.audience,
    detect: body.detect,
  });
  const metadata: Record<string, unknown> = {};
  merge(metadata, metadataOf(body));
  return save(db, { apiVersion: 'paved.dev/v1alpha1', kind: 'Capability', metadata, spec }, 'api', actor, null);
}

export async function patchCapability(db: Kysely<Database>, row: EntityRow, body: CapabilityPatch, actor: Actor) {
  const doc = toDescriptor(row);
  merge(doc.metadata, metadataOf(body));
  merge(doc.spec, {
    owner: body.owner,
    lifecycle: body.lifecycle,
    category: body.category,
    gaDate: body.gaDate,
    docs: body.docs,
    audience: body.audience,
    detect: body.detect,
  });
  return save(db, doc, row.source, actor, row);
}

export async function createTeam(db: Kysely<Database>, body: TeamCreate, actor: Actor) {
  const spec: Record<string, unknown> = { type: body.type, children: [] };
  merge(spec, { parent: body.parent, profile: body.email ? { email: body.email } : undefined });
  const metadata: Record<string, unknown> = {};
  merge(metadata, metadataOf(body));
  return save(db, { apiVersion: 'backstage.io/v1alpha1', kind: 'Group', metadata, spec }, 'api', actor, null);
}

export async function patchTeam(db: Kysely<Database>, row: EntityRow, body: TeamPatch, actor: Actor) {
  const doc = toDescriptor(row);
  merge(doc.metadata, metadataOf(body));
  const profile = { ...((doc.spec.profile as Record<string, unknown> | undefined) ?? {}) };
  if (body.email) profile.email = body.email;
  merge(doc.spec, { type: body.type, parent: body.parent, profile: Object.keys(profile).length ? profile : undefined });
  return save(db, doc, row.source, actor, row);
}

export async function createService(db: Kysely<Database>, body: ServiceCreate, actor: Actor) {
  const spec: Record<string, unknown> = {};
  merge(spec, { type: body.type, lifecycle: body.lifecycle, owner: body.owner, system: body.system });
  const metadata: Record<string, unknown> = {};
  merge(metadata, { ...metadataOf(body), annotations: body.annotations });
  return save(db, { apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata, spec }, 'api', actor, null);
}

export async function patchService(db: Kysely<Database>, row: EntityRow, body: ServicePatch, actor: Actor) {
  const doc = toDescriptor(row);
  merge(doc.metadata, { ...metadataOf(body), annotations: body.annotations });
  merge(doc.spec, { type: body.type, lifecycle: body.lifecycle, owner: body.owner, system: body.system });
  return save(db, doc, row.source, actor, row);
}
