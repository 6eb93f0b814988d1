import type { Db } from '../../db/schema/index.js';
import type { IntegrationProvider } from '../../db/schema/integrations.js';
import { openIntegrationSecret } from './integration-secret.js';
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
  /** The key the copy was opened with (one per process; tests build apps with others). */
  key: Buffer | null;
  touchedAt: Map<number, number>;
}

// One copy per database handle, which is one per app.
const caches = new WeakMap<Db, Cache>();

function cacheOf(db: Db): Cache {
  let cache = caches.get(db);
  if (!cache) {
    cache = { loading: null, loadedAt: 0, key: null, touchedAt: new Map() };
    caches.set(db, cache);
  }
  return cache;
}

async function load(db: Db, secretKey: Buffer | null): Promise<Secrets> {
  const secrets: Secrets = new Map();
  for (const row of await listSecrets(db)) {
    // A secret that does not open (no key, another key) verifies nothing; the start-up check has said why.
    const secret = openIntegrationSecret(secretKey, row);
    if (secret !== null) secrets.set(row.provider, [...(secrets.get(row.provider) ?? []), { id: row.id, secret }]);
  }
  return secrets;
}

/** The secrets of a provider's integrations in the clear, oldest first; `secretKey` is PAVED_SECRET_KEY. */
export async function integrationSecrets(db: Db, provider: IntegrationProvider, secretKey: Buffer | null) {
  const cache = cacheOf(db);
  if (!cache.loading || Date.now() - cache.loadedAt > TTL_MS || cache.key !== secretKey) {
    const loading = load(db, secretKey);
    cache.loading = loading;
    cache.loadedAt = Date.now();
    cache.key = secretKey;
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
