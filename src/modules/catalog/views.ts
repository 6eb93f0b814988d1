import type { EntityRow } from '../../db/schema/entities.js';
import type { Capability, Domain, HistoryEvent, Resource, Service, Team } from './contract.js';
import type { DetectRule, EntityLink } from './entity.js';
import type { TeamCounts } from './repo.js';
import { repositoryOf, SERVICE_ANNOTATION } from './service-mapping/annotations.js';

const iso = (d: Date | string) => new Date(d).toISOString();

function meta(row: EntityRow) {
  const m = row.metadata as { tags?: string[]; links?: EntityLink[]; annotations?: Record<string, string> };
  return { tags: m.tags ?? [], links: m.links ?? [], annotations: m.annotations ?? {} };
}

function base(row: EntityRow) {
  const { tags, links } = meta(row);
  return {
    ref: row.ref,
    name: row.name,
    namespace: row.namespace,
    title: row.title,
    description: row.description,
    status: row.status,
    tags,
    links,
    source: row.source,
    updatedAt: iso(row.updated_at),
  };
}

export type OwnerLookup = Map<string, EntityRow>;

/** Its owner, while that is an active entity of the catalog. */
export function owner(row: EntityRow, owners: OwnerLookup) {
  const o = row.owner_ref ? owners.get(row.owner_ref) : undefined;
  return o && o.status === 'active' ? { ref: o.ref, name: o.name, title: o.title } : null;
}

/** A team; `parents` holds its parent's row, looked up with the others of its page. */
export function toTeam(row: EntityRow, counts: TeamCounts, parents: OwnerLookup): Team {
  const teamKind = counts.capabilities > 0 ? 'platform' : counts.services > 0 ? 'customer' : 'other';
  const p = row.parent_ref ? parents.get(row.parent_ref) : undefined;
  const parent = p && p.status === 'active' ? { ref: p.ref, name: p.name, title: p.title } : null;
  return { ...base(row), type: row.type, teamKind, parentRef: row.parent_ref, parent, counts };
}

export function toService(row: EntityRow, owners: OwnerLookup): Service {
  const { annotations } = meta(row);
  return {
    ...base(row),
    type: row.type,
    lifecycle: row.lifecycle,
    ownerRef: row.owner_ref,
    owner: owner(row, owners),
    systemRef: row.system_ref,
    repository: repositoryOf(annotations),
    pagerdutyServiceId: annotations[SERVICE_ANNOTATION.pagerduty] ?? null,
    annotations,
  };
}

export function toDomain(row: EntityRow, owners: OwnerLookup): Domain {
  return { ...base(row), ownerRef: row.owner_ref, owner: owner(row, owners) };
}

export function toResource(row: EntityRow, owners: OwnerLookup): Resource {
  return {
    ...base(row),
    type: row.type,
    ownerRef: row.owner_ref,
    owner: owner(row, owners),
    systemRef: row.system_ref,
  };
}

export function toCapability(row: EntityRow, owners: OwnerLookup): Capability {
  const spec = row.spec as {
    category?: string;
    gaDate?: string;
    docs?: string;
    audience?: string[];
    detect?: DetectRule[];
  };
  return {
    ...base(row),
    ownerRef: row.owner_ref,
    owner: owner(row, owners),
    lifecycle: (row.lifecycle ?? 'experimental') as Capability['lifecycle'],
    category: spec.category ?? null,
    gaDate: spec.gaDate ?? null,
    docs: spec.docs ?? null,
    audience: spec.audience ?? [],
    detect: spec.detect ?? [],
  };
}

export function toHistory(
  rows: { action: HistoryEvent['action']; at: Date | string; import_id: number | null; actor: string | null }[],
): HistoryEvent[] {
  return rows.map((r) => ({ action: r.action, at: iso(r.at), importId: r.import_id, actor: r.actor }));
}
