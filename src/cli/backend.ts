import type { Kysely } from 'kysely';
import type { Database } from '../db/schema/index.js';
import type { Config } from '../server/config.js';
import { readLock } from '../db/data-lock.js';
import { DataDirInUse, openDatabase } from '../db/open-database.js';

export interface ApiBackend {
  kind: 'api';
  url: string;
  request<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

export interface DirectBackend {
  kind: 'direct';
  db: Kysely<Database>;
}

export type Backend = ApiBackend | DirectBackend;

function apiBackend(url: string, token: string): ApiBackend {
  return {
    kind: 'api',
    url,
    async request<T>(method: string, path: string, body?: unknown) {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
    },
  };
}

/**
 * Runs a command against the data: directly on a PostgreSQL server or an idle embedded directory,
 * and through the running Paved server's API when that server holds the embedded directory.
 */
export async function withBackend<T>(config: Config, run: (backend: Backend) => Promise<T>): Promise<T> {
  if (!config.databaseUrl) {
    const holder = readLock(config.dataDir);
    if (holder?.holder === 'server' && holder.url && holder.token) return run(apiBackend(holder.url, holder.token));
    if (holder) throw new DataDirInUse(holder);
  }
  const database = await openDatabase(config, 'cli');
  try {
    return await run({ kind: 'direct', db: database.db });
  } finally {
    await database.close();
  }
}
