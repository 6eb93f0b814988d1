import { sql, type Insertable } from 'kysely';
import type { CapabilityViewsTable, DeclarationsTable, MandatesTable } from '../../db/schema/adoption.js';
import type { Db } from '../../db/schema/index.js';
import { chunks } from '../../shared/chunks.js';

const time = (d: Date | string) => new Date(d);

/** Customer teams (own an active service, no capability), narrowed to owners of the audience's component types. */
export async function listEligibleTeams(
  db: Db,
  audience: string[],
): Promise<{ ref: string; name: string; title: string | null }[]> {
  const typeFilter = audience.length > 0 ? sql`and s.type in (${sql.join(audience)})` : sql``;
  const result = await sql<{ ref: string; name: string; title: string | null }>`
    select g.ref, g.name, g.title from entities g
    where g.kind = 'Group' and g.status = 'active'
      and exists (select 1 from entities s where s.kind = 'Component' and s.status = 'active' and s.owner_ref = g.ref ${typeFilter})
      and not exists (select 1 from entities c where c.kind = 'Capability' and c.status = 'active' and c.owner_ref = g.ref)
    order by g.name`.execute(db);
  return result.rows;
}

export interface DetectionSignal {
  serviceRef: string;
  serviceName: string;
  ownerRef: string | null;
  repository: string;
  matched: boolean;
  adoptedAt: Date;
  unmatchedSince: Date | null;
  commit: string;
  evidence: { ruleIndex: number; file: string; line: number | null; text: string | null }[];
}

export async function listDetections(db: Db, capabilityId: number): Promise<DetectionSignal[]> {
  const rows = await db
    .selectFrom('detections as d')
    .innerJoin('repositories as r', 'r.id', 'd.repository_id')
    .innerJoin('entities as s', 's.id', 'r.service_id')
    .select([
      's.ref',
      's.name',
      's.owner_ref',
      'r.name as repository',
      'd.matched',
      'd.adopted_at',
      'd.unmatched_since',
      'd.commit',
      'd.evidence',
    ])
    .where('d.capability_id', '=', capabilityId)
    .execute();
  return rows.map((r) => ({
    serviceRef: r.ref,
    serviceName: r.name,
    ownerRef: r.owner_ref,
    repository: r.repository,
    matched: r.matched,
    adoptedAt: time(r.adopted_at),
    unmatchedSince: r.unmatched_since ? time(r.unmatched_since) : null,
    commit: r.commit,
    evidence: r.evidence,
  }));
}

export interface EventSignal {
  /** Service ref, or null for events that name only a team. */
  serviceRef: string | null;
  teamRef: string | null;
  first: Date;
  last: Date;
  events: number;
}

/** Usage events of a capability, folded per service (and per team for team-only events). */
export async function listEventSignals(db: Db, capabilityId: number, before: Date): Promise<EventSignal[]> {
  const result = await sql<{
    service_ref: string | null;
    team_ref: string | null;
    first: Date;
    last: Date;
    events: number;
  }>`
    select s.ref as service_ref, coalesce(s.owner_ref, t.ref) as team_ref,
           min(e.occurred_at) as first, max(e.occurred_at) as last, sum(e.count)::int as events
    from usage_events e
    left join entities s on s.id = e.service_id
    left join entities t on t.id = e.team_id
    where e.capability_id = ${capabilityId} and e.occurred_at < ${before}
    group by s.ref, coalesce(s.owner_ref, t.ref)`.execute(db);
  return result.rows.map((r) => ({
    serviceRef: r.service_ref,
    teamRef: r.team_ref,
    first: time(r.first),
    last: time(r.last),
    events: r.events,
  }));
}

export async function listDeclarations(db: Db, capabilityId: number) {
  const rows = await db
    .selectFrom('declarations as d')
    .innerJoin('entities as t', 't.id', 'd.team_id')
    .select([
      'd.id',
      't.ref as team_ref',
      't.name as team',
      'd.status',
      'd.effective_at',
      'd.note',
      'd.declared_by',
      'd.created_at',
    ])
    .where('d.capability_id', '=', capabilityId)
    .orderBy('d.effective_at')
    .orderBy('d.id')
    .execute();
  return rows.map((r) => ({ ...r, effective_at: time(r.effective_at), created_at: time(r.created_at) }));
}

export async function listAwareTeams(db: Db, capabilityId: number, before: Date): Promise<Set<string>> {
  const rows = await db
    .selectFrom('capability_views')
    .select('team_ref')
    .distinct()
    .where('capability_id', '=', capabilityId)
    .where('team_ref', 'is not', null)
    .where('viewed_at', '<', before)
    .execute();
  return new Set(rows.map((r) => r.team_ref as string));
}

export async function listMandates(db: Db, capabilityId: number) {
  return db
    .selectFrom('mandates')
    .selectAll()
    .where('capability_id', '=', capabilityId)
    .orderBy('effective_from')
    .orderBy('id')
    .execute();
}

export async function insertMandate(
  db: Db,
  m: {
    capabilityId: number;
    scope: 'all' | 'teams';
    teamRefs: string[];
    effectiveFrom: Date;
    deadline: Date | null;
    note: string | null;
    createdBy: string;
  },
) {
  return db
    .insertInto('mandates')
    .values({
      capability_id: m.capabilityId,
      scope: m.scope,
      team_refs: JSON.stringify(m.teamRefs),
      effective_from: m.effectiveFrom,
      deadline: m.deadline,
      note: m.note,
      created_by: m.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateMandate(
  db: Db,
  id: number,
  capabilityId: number,
  m: {
    scope?: 'all' | 'teams';
    teamRefs?: string[];
    effectiveFrom?: Date;
    deadline?: Date | null;
    note?: string | null;
  },
) {
  return db
    .updateTable('mandates')
    .set({
      ...(m.scope ? { scope: m.scope } : {}),
      ...(m.teamRefs ? { team_refs: JSON.stringify(m.teamRefs) } : {}),
      ...(m.effectiveFrom ? { effective_from: m.effectiveFrom } : {}),
      ...(m.deadline !== undefined ? { deadline: m.deadline } : {}),
      ...(m.note !== undefined ? { note: m.note } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .where('capability_id', '=', capabilityId)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteMandate(db: Db, id: number, capabilityId: number) {
  const result = await db
    .deleteFrom('mandates')
    .where('id', '=', id)
    .where('capability_id', '=', capabilityId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function insertDeclaration(
  db: Db,
  d: {
    capabilityId: number;
    teamId: number;
    status: 'using' | 'stopped';
    effectiveAt: Date;
    note: string | null;
    declaredBy: string;
  },
) {
  return db
    .insertInto('declarations')
    .values({
      capability_id: d.capabilityId,
      team_id: d.teamId,
      status: d.status,
      effective_at: d.effectiveAt,
      note: d.note,
      declared_by: d.declaredBy,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

export async function insertView(
  db: Db,
  v: {
    capabilityId: number;
    teamRef: string | null;
    subject: string;
    kind: 'page' | 'release-notes';
    /** The release whose notes were viewed. */
    releaseId?: number;
  },
) {
  await db
    .insertInto('capability_views')
    .values({
      capability_id: v.capabilityId,
      team_ref: v.teamRef,
      subject: v.subject,
      kind: v.kind,
      release_id: v.releaseId ?? null,
    })
    .execute();
}

export async function listActiveCapabilities(db: Db) {
  return db
    .selectFrom('entities')
    .selectAll()
    .where('kind', '=', 'Capability')
    .where('status', '=', 'active')
    .orderBy('name')
    .execute();
}

/** Declarations, mandates and capability views in bulk, with their own timestamps (an import of past records). */
export async function insertDeclarations(db: Db, rows: Insertable<DeclarationsTable>[]): Promise<void> {
  for (const batch of chunks(rows, 2000)) await db.insertInto('declarations').values(batch).execute();
}

export async function insertMandates(db: Db, rows: Insertable<MandatesTable>[]): Promise<void> {
  for (const batch of chunks(rows, 2000)) await db.insertInto('mandates').values(batch).execute();
}

export async function insertViews(db: Db, rows: Insertable<CapabilityViewsTable>[]): Promise<void> {
  for (const batch of chunks(rows, 2000)) await db.insertInto('capability_views').values(batch).execute();
}

/**
 * Deletes the declarations, mandates and capability views recorded by people whose address ends with
 * `emailSuffix` (`@example.com`): everything one organisation's people wrote.
 */
export async function deleteRecordsByPeople(db: Db, emailSuffix: string): Promise<void> {
  const pattern = `%${emailSuffix.replace(/[\\%_]/g, '\\$&')}`;
  await db.deleteFrom('declarations').where('declared_by', 'like', pattern).execute();
  await db.deleteFrom('mandates').where('created_by', 'like', pattern).execute();
  await db.deleteFrom('capability_views').where('subject', 'like', pattern).execute();
}

/** One service's repository detections, with the capability each is for. */
export async function listServiceDetections(db: Db, serviceId: number) {
  const rows = await db
    .selectFrom('detections as d')
    .innerJoin('repositories as r', 'r.id', 'd.repository_id')
    .innerJoin('entities as c', 'c.id', 'd.capability_id')
    .select([
      'c.id as capability_id',
      'r.name as repository',
      'd.matched',
      'd.adopted_at',
      'd.unmatched_since',
      'd.commit',
      'd.evidence',
    ])
    .where('r.service_id', '=', serviceId)
    .where('c.status', '=', 'active')
    .execute();
  return rows.map((r) => ({
    capabilityId: r.capability_id,
    repository: r.repository,
    matched: r.matched,
    adoptedAt: time(r.adopted_at),
    unmatchedSince: r.unmatched_since ? time(r.unmatched_since) : null,
    commit: r.commit,
    evidence: r.evidence,
  }));
}

/** One service's usage events before `before`, folded per capability. */
export async function listServiceEventSignals(db: Db, serviceId: number, before: Date) {
  const result = await sql<{ capability_id: number; first: Date; last: Date; events: number }>`
    select e.capability_id, min(e.occurred_at) as first, max(e.occurred_at) as last, sum(e.count)::int as events
    from usage_events e
    where e.service_id = ${serviceId} and e.occurred_at < ${before}
    group by e.capability_id`.execute(db);
  return result.rows.map((r) => ({
    capabilityId: r.capability_id,
    first: time(r.first),
    last: time(r.last),
    events: r.events,
  }));
}
