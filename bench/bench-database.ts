import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { connect, createPGlite, type DatabaseHandle } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';

export type BackendName = 'pglite' | 'postgres';

export interface BenchDatabase {
  handle: DatabaseHandle;
  /** What ran, for the report: "PGlite (data dir in /tmp)", "PostgreSQL 15.20". */
  label: string;
  /** Loads a CSV file into `table (columns)` the fastest way the backend has: COPY FROM STDIN / a blob. */
  copyFrom(table: string, columns: readonly string[], csvPath: string): Promise<void>;
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
  const pglite = await createPGlite({ dataDir });
  const handle = await connect({ pglite });
  const dispose = async () => {
    await handle.close();
    await pglite.close();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await migrateToLatest(handle.db as never); // Kysely<Database> is not assignable to Kysely<unknown>
  } catch (error) {
    await dispose();
    throw error;
  }
  return {
    handle,
    label: 'PGlite, data directory on disk',
    copyFrom: async (table, columns, csvPath) => {
      const blob = new Blob([await readFile(csvPath)]);
      await pglite.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob' with (format csv)`, [], { blob });
    },
    dispose,
  };
}

/** psql's `\copy … from stdin`: COPY's own wire protocol, fed from a file. */
function psqlCopy(url: string, table: string, columns: readonly string[], csvPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const command = `\\copy ${table} (${columns.join(', ')}) from '${csvPath}' with (format csv)`;
    const child = spawn('psql', ['--no-psqlrc', '-v', 'ON_ERROR_STOP=1', '-q', '-d', url, '-c', command], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`psql exited with ${code}: ${stderr.trim()}`)),
    );
  });
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    const hint = 'is the server up? pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start';
    throw new Error(`cannot reach ${url} (${error instanceof Error ? error.message : String(error)}); ${hint}`, {
      cause: error,
    });
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
    copyFrom: (table, columns, csvPath) => psqlCopy(url.toString(), table, columns, csvPath),
    dispose: async () => {
      await handle.close();
      await drop();
    },
  };
}
