import type { Db } from '../../db/schema/index.js';
import type { IntegrationProvider } from '../../db/schema/integrations.js';
import { listSecrets, touchIntegration } from './repo.js';

/**
 * Integration secrets, read once and kept in memory, so verifying a webhook costs no query. Changes made through
 * this process invalidate the copy at once; other processes (web and worker split on a server) see them within
 * TTL_MS. The last delivery time is written at most once a minute per integration, to keep writes off the hot path.
 */
const TTL_MS = 5_000;
const TOUCH_EVERY_MS = 60_000;

type Secrets = Map<IntegrationProvider, { id: number; secret: string }[]>;
interface Cache {
  loading: Promise<Secrets> | null;
  loadedAt: number;
  touchedAt: Map<number, number>;
}

// One copy per database handle, which is one per app.
const caches = new WeakMap<Db, Cache>();

function cacheOf(db: Db): Cache {
  let cache = caches.get(db);
  if (!cache) {
    cache = { loading: null, loadedAt: 0, touchedAt: new Map() };
    caches.set(db, cache);
  }
  return cache;
}

async function load(db: Db): Promise<Secrets> {
  const secrets: Secrets = new Map();
  for (const row of await listSecrets(db))
    secrets.set(row.provider, [...(secrets.get(row.provider) ?? []), { id: row.id, secret: row.secret }]);
  return secrets;
}

/** The secrets of a provider's integrations, oldest first. */
export async function integrationSecrets(db: Db, provider: IntegrationProvider) {
  const cache = cacheOf(db);
  if (!cache.loading || Date.now() - cache.loadedAt > TTL_MS) {
    const loading = load(db);
    cache.loading = loading;
    cache.loadedAt = Date.now();
    // A failed read is not kept: the next delivery tries again.
    loading.catch(() => {
      if (cache.loading === loading) cache.loading = null;
    });
  }
  return (await cache.loading).get(provider) ?? [];
}

export function invalidateIntegrationSecrets(db: Db) {
  cacheOf(db).loading = null;
}

/** Records that an integration verified a delivery (at most once a minute per integration). */
export async function touchIntegrationDelivery(db: Db, id: number) {
  const cache = cacheOf(db);
  const now = Date.now();
  if (now - (cache.touchedAt.get(id) ?? 0) < TOUCH_EVERY_MS) return;
  cache.touchedAt.set(id, now);
  await touchIntegration(db, id, new Date(now));
}
