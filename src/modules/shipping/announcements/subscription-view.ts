import { isoOrNull as iso } from '../../../http/openapi.js';
import type { ReleaseType } from '../releases/contract.js';
import type { Delivery, Subscription } from './contract.js';
import type { listDeliveries, StoredFilter, SubscriptionListRow } from './repo.js';

/** A catalog ref as people write it: `capability:default/ci` → `ci`, `group:ops/sre` → `ops/sre`. */
const shortName = (ref: string) => ref.replace(/^[a-z]+:/, '').replace(/^default\//, '');

export function subscriptionView(row: SubscriptionListRow): Subscription {
  const filter = row.filter as StoredFilter;
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    host: row.url_host,
    filter: {
      ...(filter.capabilities ? { capabilities: filter.capabilities.map(shortName) } : {}),
      ...(filter.team ? { team: shortName(filter.team) } : {}),
      ...(filter.types ? { types: filter.types as ReleaseType[] } : {}),
    },
    state: row.paused_at ? 'paused' : 'active',
    pausedAt: iso(row.paused_at),
    pauseReason: row.pause_reason,
    createdBy: row.created_by,
    createdAt: iso(row.created_at) ?? '',
    counts: row.counts,
    lastDeliveredAt: iso(row.lastDeliveredAt),
  };
}

export function deliveryView(row: Awaited<ReturnType<typeof listDeliveries>>[number]): Delivery {
  return {
    id: row.id,
    release: {
      id: row.release_id,
      capability: row.capability,
      version: row.version,
      type: row.type,
      title: row.title,
    },
    status: row.status,
    attempts: row.attempts.map((t) => ({
      at: iso(t.attempted_at) ?? '',
      statusCode: t.status_code,
      latencyMs: t.latency_ms,
      responseExcerpt: t.response_excerpt,
      error: t.error,
    })),
    nextAttemptAt: iso(row.next_attempt_at),
    deliveredAt: iso(row.delivered_at),
    createdAt: iso(row.created_at) ?? '',
  };
}
