import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema/index.js';
import { AppError } from '../../server/errors.js';
import { formatEntityRef, parseEntityRef } from '../catalog/entity-ref.js';
import { computeDora, type DoraResult } from './compute-dora.js';
import * as repo from './repo.js';

/** Environments whose successful deployments count (DOMAIN.md: production or prod). */
export const PRODUCTION_ENVIRONMENT = /^(production|prod)$/i;
const DEFAULT_DAYS = 30;

function parseScope(scope: string) {
  if (scope === 'org') return { kind: 'org' as const };
  const [kind, name] = [scope.slice(0, scope.indexOf(':')), scope.slice(scope.indexOf(':') + 1)];
  const ref = parseEntityRef(name, { defaultKind: kind === 'team' ? 'group' : 'component', defaultNamespace: 'default' });
  if (typeof ref === 'string') throw new AppError('VALIDATION_FAILED', `scope: ${ref}`, [{ field: 'scope', reason: ref }]);
  return { kind: kind as 'team' | 'service', ref: formatEntityRef(ref) };
}

/** DORA metrics for an org, a team or a service over [from, to) (default: the last 30 days). */
export async function dora(db: Kysely<Database>, query: { scope: string; from?: string | undefined; to?: string | undefined }, now = new Date()): Promise<DoraResult & { scope: string; from: string; to: string }> {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_DAYS * 86_400_000);
  if (from >= to) throw new AppError('VALIDATION_FAILED', 'from: must be before to', [{ field: 'from', reason: 'must be before to' }]);
  const serviceIds = await repo.serviceIdsInScope(db, parseScope(query.scope));
  const facts = await repo.loadFacts(db, serviceIds, to);
  const result = computeDora(
    {
      deployments: facts.deployments
        .filter((d) => PRODUCTION_ENVIRONMENT.test(d.environment))
        .map((d) => ({ id: String(d.id), service: String(d.service_id), commit: d.commit_sha, finishedAt: new Date(d.finished_at) })),
      changes: facts.changes.map((c) => ({ service: String(c.service_id), commit: c.commit_sha, committedAt: new Date(c.committed_at), position: Number(c.position) })),
      incidents: facts.incidents.map((i) => ({ id: String(i.id), service: String(i.service_id), triggeredAt: new Date(i.triggered_at), resolvedAt: i.resolved_at ? new Date(i.resolved_at) : null })),
    },
    from,
    to,
  );
  return { scope: query.scope, from: from.toISOString(), to: to.toISOString(), ...result };
}
