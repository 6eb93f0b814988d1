import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { connect, type DatabaseHandle } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';

export type BackendName = 'pglite' | 'postgres';

export interface BenchDatabase {
  handle: DatabaseHandle;
  /** What ran, for the report: "PGlite (data dir in /tmp)", "PostgreSQL 15.20". */
  label: string;
  /** Closes the database and removes what was created for the run. */
  dispose(): Promise<void>;
}

const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh, migrated database: PGlite in a temporary data directory, or a new database on the server. */
export async function openBenchDatabase(backend: BackendName): Promise<BenchDatabase> {
  return backend === 'pglite' ? openPglite() : openServer(process.env.BENCH_DATABASE_URL ?? DEFAULT_SERVER_URL);
}

async function openPglite(): Promise<BenchDatabase> {
  const dataDir = await mkdtemp(join(tmpdir(), 'paved-bench-pglite-'));
  const handle = await connect({ dataDir });
  try {
    await migrateToLatest(handle.db as never); // Kysely<Database> is not assignable to Kysely<unknown>
  } catch (error) {
    await handle.close();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    handle,
    label: 'PGlite, data directory on disk',
    dispose: async () => {
      await handle.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    const hint = 'is the server up? pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start';
    throw new Error(`cannot reach ${url} (${error instanceof Error ? error.message : String(error)}); ${hint}`, { cause: error });
  }
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function openServer(adminUrl: string): Promise<BenchDatabase> {
  const name = `paved_bench_${Date.now()}`;
  const version = await withClient(adminUrl, async (client) => {
    await client.query(`create database ${name}`);
    const result = await client.query<{ server_version: string }>('show server_version');
    return result.rows[0]?.server_version ?? '?';
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const drop = () => withClient(adminUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
  const handle = await connect({ databaseUrl: url.toString() });
  try {
    await migrateToLatest(handle.db as never); // Kysely<Database> is not assignable to Kysely<unknown>
  } catch (error) {
    await handle.close();
    await drop();
    throw error;
  }
  return {
    handle,
    label: `PostgreSQL ${version.split(' ')[0]}, database ${name} (dropped after the run)`,
    dispose: async () => {
      await handle.close();
      await drop();
    },
  };
}
