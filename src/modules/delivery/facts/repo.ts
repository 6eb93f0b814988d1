import { sql } from 'kysely';
import type { Db } from '../../../db/schema/index.js';
import { chunks } from '../../../shared/chunks.js';

// The one writer of deployments, changes and incidents: webhooks, the generic API and file imports, the demo and
// the benchmark all write through these functions. Times are ISO 8601 strings.

export interface DeploymentRow {
  source: string;
  externalId: string;
  repository: string | null;
  serviceId: number | null;
  environment: string;
  commit: string | null;
  finishedAt: string;
  deliveryId?: number | null;
}

export interface ChangeRow {
  source: string;
  repository: string;
  serviceId: number | null;
  commit: string;
  committedAt: string;
  position: number;
  deliveryId?: number | null;
}

export interface IncidentRow {
  source: string;
  externalId: string;
  serviceId: number | null;
  externalService: string | null;
  title: string | null;
  severity: string | null;
  causes: string[];
  triggeredAt: string;
  resolvedAt: string | null;
  url?: string | null;
  deliveryId?: number | null;
}

/**
 * What a write does to a fact already stored under its key: `replace` writes every field; `fill` only adds what
 * is not recorded yet (a deployment's repository and service, keeping its environment and time); `keep` leaves it.
 */
export type ConflictRule = 'replace' | 'fill' | 'keep';

// One statement per chunk, the rows passed as one array per column (`unnest`): on PGlite several times faster
// than a VALUES list with a parameter per cell, and PostgreSQL's 65,535-parameter limit never comes near.
// Rows under one key must appear once per call unless the rule is `keep` (PostgreSQL updates a row once per statement).
const CHUNK = 20_000;
/** Keys per `in (…)` lookup. */
const LOOKUP_CHUNK = 1000;

const onDeploymentConflict = {
  replace: sql`do update set repository = excluded.repository, service_id = excluded.service_id, environment = excluded.environment,
    commit_sha = excluded.commit_sha, finished_at = excluded.finished_at, delivery_id = excluded.delivery_id`,
  fill: sql`do update set repository = excluded.repository, service_id = excluded.service_id`,
  keep: sql`do nothing`,
};

/** Deployments, one row per (source, external id). */
export async function writeDeployments(db: Db, rows: readonly DeploymentRow[], rule: ConflictRule): Promise<void> {
  for (const b of chunks(rows, CHUNK)) {
    await sql`
      insert into deployments (source, external_id, repository, service_id, environment, commit_sha, finished_at, delivery_id)
      select * from unnest(${b.map((r) => r.source)}::text[], ${b.map((r) => r.externalId)}::text[], ${b.map((r) => r.repository)}::text[],
        ${b.map((r) => r.serviceId)}::bigint[], ${b.map((r) => r.environment)}::text[], ${b.map((r) => r.commit)}::text[],
        ${b.map((r) => r.finishedAt)}::timestamptz[], ${b.map((r) => r.deliveryId ?? null)}::bigint[])
      on conflict (source, external_id) ${onDeploymentConflict[rule]}`.execute(db);
  }
}

/** Commits as changes; a commit already known (a push, then the API) keeps its first record. Returns how many were new. */
export async function writeChanges(db: Db, rows: readonly ChangeRow[]): Promise<number> {
  let inserted = 0;
  for (const b of chunks(rows, CHUNK)) {
    const result = await sql`
      insert into changes (source, repository, service_id, commit_sha, committed_at, position, delivery_id)
      select * from unnest(${b.map((r) => r.source)}::text[], ${b.map((r) => r.repository)}::text[], ${b.map((r) => r.serviceId)}::bigint[],
        ${b.map((r) => r.commit)}::text[], ${b.map((r) => r.committedAt)}::timestamptz[], ${b.map((r) => r.position)}::bigint[],
        ${b.map((r) => r.deliveryId ?? null)}::bigint[])
      on conflict (repository, commit_sha) do nothing`.execute(db);
    inserted += Number(result.numAffectedRows ?? 0n);
  }
  return inserted;
}

const onIncidentConflict = {
  replace: sql`do update set service_id = excluded.service_id, external_service = excluded.external_service, title = excluded.title,
    severity = excluded.severity, cause_tags = excluded.cause_tags, triggered_at = excluded.triggered_at, trigger_time_known = true, resolved_at = excluded.resolved_at,
    url = excluded.url, delivery_id = excluded.delivery_id`,
  keep: sql`do nothing`,
};

/**
 * Incidents whole, one row per (source, external id), their trigger time known (a backfill of an incident a webhook
 * left without one gives it); webhook events, which change some fields only, use recordIncidentEvent.
 */
export async function writeIncidents(
  db: Db,
  rows: readonly IncidentRow[],
  rule: Exclude<ConflictRule, 'fill'>,
): Promise<void> {
  for (const b of chunks(rows, CHUNK)) {
    await sql`
      insert into incidents (source, external_id, service_id, external_service, title, severity, cause_tags, triggered_at, resolved_at, url, delivery_id)
      select source, external_id, service_id, external_service, title, severity, causes::jsonb, triggered_at, resolved_at, url, delivery_id
      from unnest(${b.map((r) => r.source)}::text[], ${b.map((r) => r.externalId)}::text[], ${b.map((r) => r.serviceId)}::bigint[],
        ${b.map((r) => r.externalService)}::text[], ${b.map((r) => r.title)}::text[], ${b.map((r) => r.severity)}::text[],
        ${b.map((r) => JSON.stringify(r.causes))}::text[], ${b.map((r) => r.triggeredAt)}::timestamptz[], ${b.map((r) => r.resolvedAt)}::timestamptz[],
        ${b.map((r) => r.url ?? null)}::text[], ${b.map((r) => r.deliveryId ?? null)}::bigint[])
        as t (source, external_id, service_id, external_service, title, severity, causes, triggered_at, resolved_at, url, delivery_id)
      on conflict (source, external_id) ${onIncidentConflict[rule]}`.execute(db);
  }
}

/**
 * An incident as a webhook sees it: the trigger time when the event knows it (else the earliest event time seen
 * stands in, until one knows it); the resolve time only when the event says so; cause tags and its page at the
 * sender when the event has them.
 */
export async function recordIncidentEvent(
  db: Db,
  i: {
    source: string;
    externalId: string;
    serviceId: number | null;
    externalService: string | null;
    title: string | null;
    severity: string | null;
    triggeredAt: Date;
    /** Undefined: known. */
    triggerTimeKnown?: boolean | undefined;
    resolvedAt: Date | null | undefined;
    causes?: string[] | undefined;
    url?: string | undefined;
    deliveryId: number;
  },
) {
  const known = i.triggerTimeKnown !== false;
  // A known time replaces whatever is stored; an unknown one never replaces a known one, and of two unknown ones
  // the earlier is the closer bound.
  const triggeredAt = known
    ? sql<Date>`excluded.triggered_at`
    : sql<Date>`case when incidents.trigger_time_known then incidents.triggered_at else least(incidents.triggered_at, excluded.triggered_at) end`;
  const values = {
    service_id: i.serviceId,
    external_service: i.externalService,
    title: i.title,
    severity: i.severity,
    delivery_id: i.deliveryId,
    ...(i.resolvedAt === undefined ? {} : { resolved_at: i.resolvedAt }),
    ...(i.causes === undefined ? {} : { cause_tags: JSON.stringify(i.causes) }),
    ...(i.url === undefined ? {} : { url: i.url }),
  };
  await db
    .insertInto('incidents')
    .values({
      source: i.source,
      external_id: i.externalId,
      cause_tags: '[]',
      resolved_at: i.resolvedAt ?? null,
      triggered_at: i.triggeredAt,
      trigger_time_known: known,
      ...values,
    })
    .onConflict((oc) =>
      oc.columns(['source', 'external_id']).doUpdateSet({
        ...values,
        triggered_at: triggeredAt,
        trigger_time_known: known ? true : sql<boolean>`incidents.trigger_time_known`,
      }),
    )
    .execute();
}

/** An incident its sender no longer calls one (an issue that lost its incident label, or was deleted). */
export async function deleteIncident(db: Db, source: string, externalId: string) {
  await db.deleteFrom('incidents').where('source', '=', source).where('external_id', '=', externalId).execute();
}

/** Rows read for many keys, `LOOKUP_CHUNK` keys per query, each key asked once. */
async function readInChunks<R>(keys: readonly string[], read: (part: string[]) => Promise<R[]>): Promise<R[]> {
  const rows: R[] = [];
  for (const part of chunks([...new Set(keys)], LOOKUP_CHUNK)) rows.push(...(await read(part)));
  return rows;
}

/** Active services by full ref, with their annotations (to find their repository). */
export function findServices(db: Db, refs: readonly string[]) {
  return readInChunks(refs, (part) =>
    db
      .selectFrom('entities')
      .select(['id', 'ref', 'name', 'metadata'])
      .where('kind', '=', 'Component')
      .where('status', '=', 'active')
      .where('ref', 'in', part)
      .execute(),
  );
}

/** A source's stored deployments by their external id. */
export async function deploymentsByExternalId(db: Db, source: string, ids: readonly string[]) {
  const rows = await readInChunks(ids, (part) =>
    db.selectFrom('deployments').selectAll().where('source', '=', source).where('external_id', 'in', part).execute(),
  );
  return new Map(rows.map((r) => [r.external_id, r]));
}

/** A source's stored incidents by their external id. */
export async function incidentsByExternalId(db: Db, source: string, ids: readonly string[]) {
  const rows = await readInChunks(ids, (part) =>
    db.selectFrom('incidents').selectAll().where('source', '=', source).where('external_id', 'in', part).execute(),
  );
  return new Map(rows.map((r) => [r.external_id, r]));
}

/** The facts of these sources that came from no raw delivery (`delivery_id` is null): the demo's, or a benchmark's. */
export interface Undelivered {
  sources: string[];
}

/** What is stored of such facts: enough to tell whether a plan is already there. */
export interface StoredFacts {
  deployments: number;
  changes: number;
  incidents: number;
  firstCommitAt: Date | null;
  lastDeploymentAt: Date | null;
}

/** Counts such facts, with the first commit's and the last deployment's time. */
export async function summarizeFacts(db: Db, m: Undelivered): Promise<StoredFacts> {
  const [deployments, changes, incidents] = await Promise.all([
    db
      .selectFrom('deployments')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('finished_at').as('last')])
      .where('source', 'in', m.sources)
      .where('delivery_id', 'is', null)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('changes')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('committed_at').as('first')])
      .where('source', 'in', m.sources)
      .where('delivery_id', 'is', null)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('incidents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('source', 'in', m.sources)
      .where('delivery_id', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  const time = (t: Date | string | null) => (t === null ? null : new Date(t));
  return {
    deployments: Number(deployments.n),
    changes: Number(changes.n),
    incidents: Number(incidents.n),
    firstCommitAt: time(changes.first),
    lastDeploymentAt: time(deployments.last),
  };
}

/** Removes every such deployment, change and incident. */
export async function deleteFacts(db: Db, m: Undelivered): Promise<void> {
  for (const table of ['incidents', 'deployments', 'changes'] as const) {
    await db.deleteFrom(table).where('source', 'in', m.sources).where('delivery_id', 'is', null).execute();
  }
}

/**
 * Refreshes the planner's statistics after a bulk load. Without them PostgreSQL (PGlite has no autovacuum) plans
 * the DORA queries for empty tables: a team's numbers took half a minute on the demo instead of a fraction of a second.
 */
export async function analyzeFacts(db: Db): Promise<void> {
  await sql`analyze deployments, changes, incidents`.execute(db);
}
