import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { connect, createPGlite, type DatabaseHandle } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';

export type Backend = 'postgres' | 'pglite';

export interface EventsBenchDatabase {
  handle: DatabaseHandle;
  label: string;
  /** Loads a CSV file into `table (columns)` the fastest way the backend has: COPY FROM STDIN / a blob. */
  copyFrom(table: string, columns: readonly string[], csvPath: string): Promise<void>;
  dispose(): Promise<void>;
}

const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export function openEventsDatabase(backend: Backend): Promise<EventsBenchDatabase> {
  return backend === 'pglite' ? openPglite() : openServer(process.env.BENCH_DATABASE_URL ?? DEFAULT_SERVER_URL);
}

async function openPglite(): Promise<EventsBenchDatabase> {
  const dataDir = await mkdtemp(join(tmpdir(), 'paved-bench-events-'));
  const pglite = await createPGlite({ dataDir });
  const handle = await connect({ pglite });
  await migrateToLatest(handle.db as never); // Kysely<Database> is not assignable to Kysely<unknown>
  return {
    handle,
    label: 'PGlite, data directory on disk',
    copyFrom: async (table, columns, csvPath) => {
      const blob = new Blob([await readFile(csvPath)]);
      await pglite.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob' with (format csv)`, [], { blob });
    },
    dispose: async () => {
      await handle.close();
      await pglite.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function adminQuery(url: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

/** psql's `\copy … from stdin`: COPY's own wire protocol, fed from a file. */
function psqlCopy(url: string, table: string, columns: readonly string[], csvPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const command = `\\copy ${table} (${columns.join(', ')}) from '${csvPath}' with (format csv)`;
    const child = spawn('psql', ['--no-psqlrc', '-v', 'ON_ERROR_STOP=1', '-q', '-d', url, '-c', command], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`psql exited with ${code}: ${stderr.trim()}`))));
  });
}

async function openServer(adminUrl: string): Promise<EventsBenchDatabase> {
  const name = `paved_bench_events_${Date.now()}`;
  await adminQuery(adminUrl, `create database ${name}`);
  const version = (await adminQuery(adminUrl, 'show server_version')).rows[0]?.server_version ?? '?';
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const drop = () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
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
    label: `PostgreSQL ${String(version).split(' ')[0]}, database ${name} (dropped after the run)`,
    copyFrom: (table, columns, csvPath) => psqlCopy(url.toString(), table, columns, csvPath),
    dispose: async () => {
      await handle.close();
      await drop();
    },
  };
}
