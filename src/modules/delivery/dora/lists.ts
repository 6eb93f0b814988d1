import type { Db } from '../../../db/schema/index.js';
import { AppError } from '../../../http/errors.js';
import type { DeploymentRow, IncidentRow } from '../contract.js';
import * as repo from './repo.js';
import { DEFAULT_DORA_SETTINGS, factWindow, type PeriodQuery } from './service.js';

const iso = (t: Date | string) => new Date(t).toISOString();
const named = (ref: string | null, name: string | null) => (ref === null || name === null ? null : { ref, name });

/** Opaque keyset cursor: the last row's (time in microseconds, as stored, and id). */
function encodeCursor(after: repo.After): string {
  return Buffer.from(JSON.stringify([after.us, after.id])).toString('base64url');
}

function decodeCursor(cursor: string | undefined): repo.After | undefined {
  if (!cursor) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      Number.isSafeInteger(value[0]) &&
      Number.isSafeInteger(value[1])
    ) {
      return { us: value[0] as number, id: value[1] as number };
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('VALIDATION_FAILED', 'cursor: not a cursor this API returned', [
    { field: 'cursor', reason: 'not a cursor this API returned' },
  ]);
}

interface PageQuery extends PeriodQuery {
  limit: number;
  cursor?: string | undefined;
}

/** One more row than asked tells whether there is a next page. */
function toPage<R extends { id: number; cursor_us: number }, T>(rows: R[], limit: number, toItem: (row: R) => T) {
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return {
    items: rows.slice(0, limit).map(toItem),
    nextCursor: last ? encodeCursor({ us: last.cursor_us, id: last.id }) : null,
  };
}

/** The production deployments behind the DORA numbers of a period, newest first. */
export async function listDeployments(
  db: Db,
  query: PageQuery & { failed?: boolean | undefined; rework?: boolean | undefined },
  settings = DEFAULT_DORA_SETTINGS,
  now = new Date(),
) {
  const after = decodeCursor(query.cursor);
  const window = await factWindow(db, query, settings, now);
  const rows = await repo.listDeploymentFacts(db, window, {
    failed: query.failed,
    rework: query.rework,
    after,
    limit: query.limit + 1,
  });
  return toPage(rows, query.limit, (r): DeploymentRow => ({
    id: String(r.id),
    source: r.source,
    externalId: r.external_id,
    service: { ref: r.service_ref, name: r.service_name },
    team: named(r.team_ref, r.team_name),
    repository: r.repository,
    environment: r.environment,
    commit: r.commit_sha,
    finishedAt: iso(r.finished_at),
    shipped: r.shipped,
    leadTimeMedianHours: r.lead_median,
    failed: r.failed,
    incidents: r.incidents.map((i) => ({
      id: String(i.id),
      title: i.title,
      triggeredAt: iso(i.triggered_at),
      resolvedAt: i.resolved_at === null ? null : iso(i.resolved_at),
    })),
    recoveryHours: r.recovery_hours,
    rework: r.rework,
  }));
}

/** The incidents triggered in a period, with the deployment each is attributed to, newest first. */
export async function listIncidents(
  db: Db,
  query: PageQuery & { status?: 'open' | 'resolved' | undefined },
  settings = DEFAULT_DORA_SETTINGS,
  now = new Date(),
) {
  const after = decodeCursor(query.cursor);
  const window = await factWindow(db, query, settings, now);
  const rows = await repo.listIncidentFacts(db, window, { status: query.status, after, limit: query.limit + 1 });
  return toPage(rows, query.limit, (r): IncidentRow => ({
    id: String(r.id),
    source: r.source,
    externalId: r.external_id,
    title: r.title,
    severity: r.severity,
    causes: r.cause_tags,
    service: { ref: r.service_ref, name: r.service_name },
    team: named(r.team_ref, r.team_name),
    triggeredAt: iso(r.triggered_at),
    triggerTimeKnown: r.trigger_time_known,
    resolvedAt: r.resolved_at === null ? null : iso(r.resolved_at),
    url: r.url,
    recoveryHours: r.recovery_hours,
    deployment:
      r.deployment_id === null
        ? null
        : {
            id: String(r.deployment_id),
            finishedAt: iso(r.deployment_finished_at as Date | string),
            commit: r.deployment_commit,
          },
  }));
}
