import { sql } from 'kysely';
import type { Db } from '../../db/schema/index.js';

export interface RefTarget {
  id: number;
  status: 'active' | 'orphaned';
}

/** Entities by stored ref, in one query however many refs a batch names. */
export async function findRefTargets(db: Db, refs: string[]): Promise<Map<string, RefTarget>> {
  if (refs.length === 0) return new Map();
  const result = await sql<{ id: number; ref: string; status: 'active' | 'orphaned' }>`
    select id, ref, status from entities where ref = any(${refs}::text[])`.execute(db);
  return new Map(result.rows.map((r) => [r.ref, { id: r.id, status: r.status }]));
}

/** Columns of usage_events, one array per column: the shape `unnest` takes. */
export interface EventColumns {
  eventId: (string | null)[];
  capabilityId: number[];
  serviceId: (number | null)[];
  teamId: (number | null)[];
  actor: (string | null)[];
  action: (string | null)[];
  /** ISO 8601 in UTC. */
  occurredAt: string[];
  count: number[];
}

/**
 * Inserts the rows as one statement (so as one transaction) with a parameter per column, whatever the
 * row count: a multi-row VALUES list would need eight parameters a row and hit the 65,535 limit at 8,191.
 * Rows whose event_id is already stored are skipped; returns how many were inserted.
 */
export async function insertUsageEvents(db: Db, rows: EventColumns): Promise<number> {
  if (rows.capabilityId.length === 0) return 0;
  const result = await sql`
    insert into usage_events (event_id, capability_id, service_id, team_id, actor, action, occurred_at, count)
    select * from unnest(
      ${rows.eventId}::text[], ${rows.capabilityId}::bigint[], ${rows.serviceId}::bigint[], ${rows.teamId}::bigint[],
      ${rows.actor}::text[], ${rows.action}::text[], ${rows.occurredAt}::timestamptz[], ${rows.count}::int[])
    on conflict (event_id) do nothing`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

/** Deletes the usage events whose event id starts with `prefix`: one sender's events, when it names them so. */
export async function deleteUsageEventsByIdPrefix(db: Db, prefix: string): Promise<void> {
  await db
    .deleteFrom('usage_events')
    .where('event_id', 'like', `${prefix.replace(/[\\%_]/g, '\\$&')}%`)
    .execute();
}
