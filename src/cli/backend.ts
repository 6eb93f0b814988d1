import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema/index.js';
import type { Config } from '../server/config.js';
import { readLock } from '../db/data-lock.js';
import { openDatabase } from '../db/open-database.js';
import { ACTOR_HEADER } from '../modules/auth/service.js';

export interface ApiBackend {
  kind: 'api';
  url: string;
  request<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** A GET whose answer is not JSON (a backup), as the response itself. */
  download(path: string): Promise<Response>;
}

export interface DirectBackend {
  kind: 'direct';
  db: Kysely<Database>;
  /** The embedded data directory, or null on a PostgreSQL server. */
  dataDir: string | null;
  /** The embedded database did not exist before this command: it was made for it, empty. */
  created: boolean;
  /** Migrations applied when the database was opened for this command. */
  migrated: string[];
  /** The embedded database's files as a gzipped tar; absent on a PostgreSQL server. */
  dumpDataDir?: () => Promise<Blob>;
}

export type Backend = ApiBackend | DirectBackend;

/** Who a CLI command's writes are credited to: the person at the keyboard, as the OS knows them. */
export function cliActor(): string {
  let name: string;
  try {
    name = userInfo().username;
  } catch {
    name = process.env.USER ?? process.env.USERNAME ?? '';
  }
  const safe = name.replace(/[^\w.@-]/g, '').slice(0, 64);
  return `cli:${safe || 'unknown'}`;
}

/** Where a command read or wrote, for its output: the server's URL, the data directory, or the PostgreSQL server. */
export function whereIs(backend: Backend): string {
  if (backend.kind === 'api') return `the Paved server at ${backend.url}`;
  return backend.dataDir
    ? `${backend.created ? 'a new, empty database' : 'the database'} in ${backend.dataDir}`
    : 'the PostgreSQL database of DATABASE_URL';
}

/** Lines to print after a write into a database this command created, since that is rarely what was meant. */
export function newDatabaseNote(backend: Backend): string[] {
  if (backend.kind !== 'direct' || !backend.created || !backend.dataDir) return [];
  return [
    `Note: there was no database in ${backend.dataDir} (PAVED_DATA_DIR, ./.paved by default) and no Paved server`,
    '  running on it, so this command created one. If your Paved server uses another directory, run the command',
    '  again with PAVED_DATA_DIR set to that directory (or DATABASE_URL for a PostgreSQL server).',
  ];
}

function apiBackend(url: string, token: string, actor: string): ApiBackend {
  const send = async (method: string, path: string, body?: unknown) => {
    try {
      return await fetch(`${url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          [ACTOR_HEADER]: actor,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      const reason = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
      throw new Error(`could not reach the Paved server at ${url} (${reason})`, { cause: error });
    }
  };
  return {
    kind: 'api',
    url,
    download: (path) => send('GET', path),
    async request<T>(method: string, path: string, body?: unknown) {
      const response = await send(method, path, body);
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
    },
  };
}

/**
 * Runs a command against the data: directly on a PostgreSQL server or an idle embedded directory,
 * and through the running Paved server's API when that server holds the embedded directory.
 */
export async function withBackend<T>(
  config: Config,
  run: (backend: Backend) => Promise<T>,
  options: { mustExist?: boolean } = {},
): Promise<T> {
  if (!config.databaseUrl) {
    const holder = readLock(config.dataDir);
    if (holder?.holder === 'server' && holder.url && holder.token)
      return run(apiBackend(holder.url, holder.token, cliActor()));
    if (holder)
      throw new Error(
        `${config.dataDir} is in use by ${holder.holder === 'server' ? 'a Paved server that gives no address' : 'another paved command'} (pid ${holder.pid}); try again when it has finished`,
      );
  }
  const dataDir = config.databaseUrl ? null : config.dataDir;
  const created = dataDir !== null && !existsSync(join(dataDir, 'db'));
  // Listing, revoking or reprocessing in a directory that holds nothing would make a database only to find it empty.
  if (created && options.mustExist)
    throw new Error(
      `there is no Paved database in ${dataDir} (PAVED_DATA_DIR, ./.paved by default) and no Paved server running on it`,
    );
  const database = await openDatabase(config, 'cli');
  try {
    return await run({
      kind: 'direct',
      db: database.db,
      dataDir,
      created,
      migrated: database.migrated,
      ...(database.dumpDataDir ? { dumpDataDir: database.dumpDataDir } : {}),
    });
  } finally {
    await database.close();
  }
}
