import type { EntityRow } from '../../db/schema/entities.js';
import type { Db } from '../../db/schema/index.js';
import { AppError, notFound } from '../../http/errors.js';
import type { Capability, Domain, Resource, SearchResult, Service, Team } from './contract.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { formatEntityRef, parseEntityRef } from './entity-ref.js';
import * as repo from './repo.js';
import { owner, toCapability, toDomain, toHistory, toResource, toService, toTeam, type OwnerLookup } from './views.js';

export interface ListParams {
  limit: number;
  cursor?: string | undefined;
  owner?: string | undefined;
  lifecycle?: string | undefined;
  type?: string | undefined;
  q?: string | undefined;
  status?: 'active' | 'orphaned' | undefined;
  kind?: 'customer' | 'platform' | undefined;
  category?: string | undefined;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** `payments`, `group:payments` or `group:default/payments` → the stored ref. */
export function ownerRefOf(text: string): string {
  const ref = parseEntityRef(text, { defaultKind: 'group', defaultNamespace: 'default' });
  if (typeof ref === 'string')
    throw new AppError('VALIDATION_FAILED', `owner: ${ref}`, [{ field: 'owner', reason: ref }]);
  return formatEntityRef(ref);
}

async function page(
  db: Db,
  kind: string,
  params: ListParams,
): Promise<{ rows: EntityRow[]; nextCursor: string | null }> {
  const rows = await repo.listEntities(db, {
    kind,
    limit: params.limit + 1,
    after: decodeCursor(params.cursor),
    ownerRef: params.owner ? ownerRefOf(params.owner) : undefined,
    lifecycle: params.lifecycle,
    type: params.type,
    q: params.q?.trim() || undefined,
    status: params.status,
    teamKind: params.kind,
    category: params.category,
  });
  const more = rows.length > params.limit;
  const pageRows = rows.slice(0, params.limit);
  const last = pageRows[pageRows.length - 1];
  return { rows: pageRows, nextCursor: more && last ? encodeCursor(last) : null };
}

async function ownersOf(db: Db, rows: EntityRow[]): Promise<OwnerLookup> {
  return byRef(
    db,
    rows.map((r) => r.owner_ref),
  );
}

async function byRef(db: Db, refs: (string | null)[]): Promise<OwnerLookup> {
  const unique = [...new Set(refs.filter((r): r is string => r !== null))];
  return new Map((await repo.findEntitiesByRefs(db, unique)).map((o) => [o.ref, o]));
}

export async function listTeams(db: Db, params: ListParams): Promise<Page<Team>> {
  const { rows, nextCursor } = await page(db, 'Group', params);
  const [counts, parents] = await Promise.all([
    repo.teamCounts(
      db,
      rows.map((r) => r.ref),
    ),
    byRef(
      db,
      rows.map((r) => r.parent_ref),
    ),
  ]);
  return {
    items: rows.map((r) => toTeam(r, counts.get(r.ref) ?? { services: 0, capabilities: 0, members: 0 }, parents)),
    nextCursor,
  };
}

export async function listServices(db: Db, params: ListParams): Promise<Page<Service>> {
  const { rows, nextCursor } = await page(db, 'Component', params);
  const owners = await ownersOf(db, rows);
  return { items: rows.map((r) => toService(r, owners)), nextCursor };
}

export async function listCapabilities(db: Db, params: ListParams): Promise<Page<Capability>> {
  const { rows, nextCursor } = await page(db, 'Capability', params);
  const owners = await ownersOf(db, rows);
  return { items: rows.map((r) => toCapability(r, owners)), nextCursor };
}

export async function listDomains(db: Db, params: ListParams): Promise<Page<Domain>> {
  const { rows, nextCursor } = await page(db, 'Domain', params);
  const owners = await ownersOf(db, rows);
  return { items: rows.map((r) => toDomain(r, owners)), nextCursor };
}

export async function listResources(db: Db, params: ListParams): Promise<Page<Resource>> {
  const { rows, nextCursor } = await page(db, 'Resource', params);
  const owners = await ownersOf(db, rows);
  return { items: rows.map((r) => toResource(r, owners)), nextCursor };
}

export async function getEntityRow(db: Db, kind: string, namespace: string, name: string): Promise<EntityRow> {
  const row = await repo.findEntity(db, kind, namespace, name);
  if (!row)
    throw notFound(
      `${kind === 'Group' ? 'team' : kind === 'Component' ? 'service' : kind.toLowerCase()} "${namespace}/${name}"`,
    );
  return row;
}

export async function getTeam(db: Db, namespace: string, name: string) {
  const row = await getEntityRow(db, 'Group', namespace, name);
  const [counts, members, children, services, capabilities, history, parent] = await Promise.all([
    repo.teamCounts(db, [row.ref]),
    repo.listMembers(db, row.id, row.ref),
    repo.listChildren(db, row.ref),
    repo.listOwned(db, 'Component', row.ref),
    repo.listOwned(db, 'Capability', row.ref),
    repo.listHistory(db, row.id),
    row.parent_ref ? repo.findEntitiesByRefs(db, [row.parent_ref]) : Promise.resolve([]),
  ]);
  const self = new Map([[row.ref, row]]);
  const parents = new Map(parent.map((p) => [p.ref, p]));
  const childCounts = await repo.teamCounts(
    db,
    children.map((c) => c.ref),
  );
  const profile = (row.spec as { profile?: { email?: string; displayName?: string } }).profile ?? {};
  return {
    team: toTeam(row, counts.get(row.ref) ?? { services: 0, capabilities: 0, members: 0 }, parents),
    email: profile.email ?? null,
    parent: parent[0] ? { ref: parent[0].ref, name: parent[0].name, title: parent[0].title } : null,
    children: children.map((c) =>
      toTeam(c, childCounts.get(c.ref) ?? { services: 0, capabilities: 0, members: 0 }, self),
    ),
    members: members.map((m) => {
      const p = (m.spec as { profile?: { displayName?: string; email?: string } }).profile ?? {};
      return { ref: m.ref, name: m.name, displayName: p.displayName ?? m.title ?? m.name, email: p.email ?? null };
    }),
    services: services.map((s) => toService(s, self)),
    capabilities: capabilities.map((c) => toCapability(c, self)),
    history: toHistory(history),
  };
}

export async function getService(db: Db, namespace: string, name: string) {
  const row = await getEntityRow(db, 'Component', namespace, name);
  const owners = await ownersOf(db, [row]);
  const history = await repo.listHistory(db, row.id);
  return { service: toService(row, owners), history: toHistory(history) };
}

export async function getCapability(db: Db, namespace: string, name: string) {
  const row = await getEntityRow(db, 'Capability', namespace, name);
  const owners = await ownersOf(db, [row]);
  const history = await repo.listHistory(db, row.id);
  return { capability: toCapability(row, owners), history: toHistory(history) };
}

const KIND_LABEL: Record<string, string> = {
  Group: 'team',
  Component: 'service',
  Capability: 'capability',
  User: 'user',
  System: 'system',
  API: 'api',
  Domain: 'domain',
  Resource: 'resource',
};

export async function search(db: Db, q: string, limit: number): Promise<SearchResult[]> {
  const rows = await repo.searchEntities(db, q.trim(), limit);
  const owners = await ownersOf(db, rows);
  return rows.map((r) => ({
    kind: KIND_LABEL[r.kind] ?? r.kind.toLowerCase(),
    ref: r.ref,
    name: r.name,
    title: r.title,
    description: r.description,
    status: r.status,
    owner: owner(r, owners),
    partOf: r.system_ref,
  }));
}
