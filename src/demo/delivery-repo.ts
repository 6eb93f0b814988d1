import { sql } from 'kysely';
import type { Db } from '../db/schema/index.js';

/** Times are ISO 8601 strings, as the plan keeps them. */
export interface NewDeployment {
  source: string;
  externalId: string;
  repository: string | null;
  serviceId: number | null;
  environment: string;
  commit: string;
  finishedAt: string;
}

export interface NewChange {
  source: string;
  repository: string;
  serviceId: number | null;
  commit: string;
  committedAt: string;
  position: number;
}

export interface NewIncident {
  source: string;
  externalId: string;
  serviceId: number | null;
  externalService: string;
  title: string;
  severity: string;
  causes: string[];
  triggeredAt: string;
  resolvedAt: string | null;
}

/** The demo's facts are the facts of these sources that came from no raw delivery (`delivery_id` is null). */
export interface DemoFactsMarker {
  sources: string[];
}

/** What is stored of the demo's facts: enough to tell whether a plan is already there. */
export interface StoredFacts {
  deployments: number;
  changes: number;
  incidents: number;
  firstCommitAt: Date | null;
  lastDeploymentAt: Date | null;
}

export async function summarizeFacts(db: Db, m: DemoFactsMarker): Promise<StoredFacts> {
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
    db.selectFrom('incidents').select((eb) => eb.fn.countAll<number>().as('n')).where('source', 'in', m.sources).where('delivery_id', 'is', null).executeTakeFirstOrThrow(),
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

/** Removes every demo deployment, change and incident. */
export async function deleteFacts(db: Db, m: DemoFactsMarker): Promise<void> {
  for (const table of ['incidents', 'deployments', 'changes'] as const) {
    await db.deleteFrom(table).where('source', 'in', m.sources).where('delivery_id', 'is', null).execute();
  }
}

// One statement per chunk, the rows passed as one array per column (`unnest`): on PGlite several times faster
// than a VALUES list with a parameter per cell, and PostgreSQL's 65,535-parameter limit never comes near.
const CHUNK = 20_000;

/** Bulk inserts; a fact already stored under its unique key is left alone. */
export async function insertDeployments(db: Db, rows: NewDeployment[]): Promise<void> {
  for (const b of chunks(rows, CHUNK)) {
    await sql`
      insert into deployments (source, external_id, repository, service_id, environment, commit_sha, finished_at)
      select * from unnest(${b.map((r) => r.source)}::text[], ${b.map((r) => r.externalId)}::text[], ${b.map((r) => r.repository)}::text[],
        ${b.map((r) => r.serviceId)}::bigint[], ${b.map((r) => r.environment)}::text[], ${b.map((r) => r.commit)}::text[], ${b.map((r) => r.finishedAt)}::timestamptz[])
      on conflict (source, external_id) do nothing`.execute(db);
  }
}

export async function insertChanges(db: Db, rows: NewChange[]): Promise<void> {
  for (const b of chunks(rows, CHUNK)) {
    await sql`
      insert into changes (source, repository, service_id, commit_sha, committed_at, position)
      select * from unnest(${b.map((r) => r.source)}::text[], ${b.map((r) => r.repository)}::text[], ${b.map((r) => r.serviceId)}::bigint[],
        ${b.map((r) => r.commit)}::text[], ${b.map((r) => r.committedAt)}::timestamptz[], ${b.map((r) => r.position)}::bigint[])
      on conflict (repository, commit_sha) do nothing`.execute(db);
  }
}

export async function insertIncidents(db: Db, rows: NewIncident[]): Promise<void> {
  for (const b of chunks(rows, CHUNK)) {
    await sql`
      insert into incidents (source, external_id, service_id, external_service, title, severity, cause_tags, triggered_at, resolved_at)
      select source, external_id, service_id, external_service, title, severity, causes::jsonb, triggered_at, resolved_at
      from unnest(${b.map((r) => r.source)}::text[], ${b.map((r) => r.externalId)}::text[], ${b.map((r) => r.serviceId)}::bigint[],
        ${b.map((r) => r.externalService)}::text[], ${b.map((r) => r.title)}::text[], ${b.map((r) => r.severity)}::text[],
        ${b.map((r) => JSON.stringify(r.causes))}::text[], ${b.map((r) => r.triggeredAt)}::timestamptz[], ${b.map((r) => r.resolvedAt)}::timestamptz[])
        as t (source, external_id, service_id, external_service, title, severity, causes, triggered_at, resolved_at)
      on conflict (source, external_id) do nothing`.execute(db);
  }
}

/**
 * Refreshes the planner's statistics after a bulk load. Without them PostgreSQL (PGlite has no autovacuum) plans
 * the DORA queries for empty tables: a team's numbers took half a minute on the demo instead of a fraction of a second.
 */
export async function analyzeFacts(db: Db): Promise<void> {
  await sql`analyze deployments, changes, incidents`.execute(db);
}

function chunks<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
