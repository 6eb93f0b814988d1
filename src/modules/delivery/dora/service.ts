import type { Db } from '../../../db/schema/index.js';
import { AppError } from '../../../http/errors.js';
import { formatEntityRef, parseEntityRef } from '../../catalog/entity-ref.js';
import { computeDora, type DoraResult, type DoraTotals } from './compute-dora.js';
import type { FactWindow } from './dora-sql.js';
import * as repo from './repo.js';
import { DEFAULT_PERIOD_DAYS } from '../contract.js';

import { productionPattern } from '../../../shared/production.js';

export type Scope = { kind: 'org' } | { kind: 'team'; ref: string } | { kind: 'service'; ref: string };

export function parseScope(scope: string): Scope {
  if (scope === 'org') return { kind: 'org' };
  const [kind, name] = [scope.slice(0, scope.indexOf(':')), scope.slice(scope.indexOf(':') + 1)];
  const ref = parseEntityRef(name, {
    defaultKind: kind === 'team' ? 'group' : 'component',
    defaultNamespace: 'default',
  });
  if (typeof ref === 'string')
    throw new AppError('VALIDATION_FAILED', `scope: ${ref}`, [{ field: 'scope', reason: ref }]);
  return { kind: kind as 'team' | 'service', ref: formatEntityRef(ref) };
}

export const mustPrecede = (from: Date, to: Date) => {
  if (from >= to)
    throw new AppError('VALIDATION_FAILED', 'from: must be before to', [
      { field: 'from', reason: 'must be before to' },
    ]);
};

export interface PeriodQuery {
  scope: string;
  from?: string | undefined;
  to?: string | undefined;
}

/** What decides which facts count beyond the query: the production environments (`productionPattern`). */
export interface DoraSettings {
  production: string;
}
export const DEFAULT_DORA_SETTINGS: DoraSettings = { production: productionPattern() };

/** The services of the scope and the period [from, to) (default: the DEFAULT_PERIOD_DAYS before `now`). */
export async function factWindow(
  db: Db,
  query: PeriodQuery,
  settings: DoraSettings,
  now = new Date(),
): Promise<FactWindow> {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_PERIOD_DAYS * 86_400_000);
  mustPrecede(from, to);
  return {
    serviceIds: await repo.serviceIdsInScope(db, parseScope(query.scope)),
    from,
    to,
    production: settings.production,
  };
}

/** A totals row as the metrics read it: a bucket without deployments (or incidents) counts zero of them. */
export function totalsOf(row: repo.DoraTotalsRow | undefined): DoraTotals {
  return {
    deployments: row?.deployments ?? 0,
    leadTime: { medianHours: row?.lead_median ?? null, n: row?.lead_n ?? 0 },
    failed: row?.failed ?? 0,
    recovery: { medianHours: row?.recovery_median ?? null, n: row?.recovery_n ?? 0 },
    rework: row?.rework ?? 0,
    incidents: { medianHours: row?.incident_median ?? null, n: row?.incident_n ?? 0, unresolved: row?.unresolved ?? 0 },
  };
}

/** DORA metrics for an org, a team or a service over [from, to) (default: the last 90 days). */
export async function dora(
  db: Db,
  query: PeriodQuery,
  settings = DEFAULT_DORA_SETTINGS,
  now = new Date(),
): Promise<DoraResult & { scope: string; from: string; to: string }> {
  const window = await factWindow(db, query, settings, now);
  const [row] = await repo.doraTotals(db, window, null);
  return {
    scope: query.scope,
    from: window.from.toISOString(),
    to: window.to.toISOString(),
    ...computeDora(totalsOf(row), window.from, window.to),
  };
}
