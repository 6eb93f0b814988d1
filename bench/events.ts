/**
 * Usage-events ingestion benchmark (`npx tsx bench/events.ts`).
 *
 * Imports the demo catalog (12 capabilities, ~250 services), serves the real app on a local port and posts
 * BENCH_EVENTS generated events (default 1,000,000, all with ids) as NDJSON in batches of 10,000 from two
 * concurrent clients with an events:write token. The reference is a raw COPY of the same rows (ids
 * resolved) into `usage_events_copy (like usage_events including all)`. Backends: BENCH_BACKENDS
 * (postgres, pglite; default postgres); the server database is BENCH_DATABASE_URL or the local one.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, platform, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { sql } from 'kysely';
import { createToken } from '../src/modules/auth/service.js';
import { generateDemoCatalog, type DemoCatalog } from '../src/demo/generate-catalog.js';
import type { IngestResult } from '../src/modules/events/contract.js';
import { runImport } from '../src/modules/imports/run-import.js';
import { buildApp } from '../src/server/app.js';
import { silentLogger } from '../src/http/logger.js';
import { COPY_COLUMNS, copyCsv, generateEvents, ndjsonBatches, type BenchEvent } from './events-data.js';
import { openBenchDatabase, type BackendName, type BenchDatabase } from './bench-database.js';

const BATCH_SIZE = 10_000;
const CLIENTS = 2;
const AIM_RATIO = 0.5;

interface Timing {
  ms: number;
  /** Rows in the table afterwards. */
  rows: number;
  /** CPU time of this process (server and clients) meanwhile: the rest is the database's. */
  nodeCpuMs?: number;
}

interface Result {
  backend: BackendName;
  label: string;
  api: Timing;
  copy: Timing;
  copyFk: Timing;
}

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

function readBackends(): BackendName[] {
  const names = (process.env.BENCH_BACKENDS ?? 'postgres')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const name of names)
    if (name !== 'pglite' && name !== 'postgres') throw new Error(`BENCH_BACKENDS: unknown backend "${name}"`);
  return names as BackendName[];
}

const log = (message: string) => process.stderr.write(`${message}\n`);

/** Posts every body, CLIENTS at a time, and checks each batch was stored whole. */
async function postAll(base: string, token: string, bodies: string[]): Promise<number> {
  let next = 0;
  let accepted = 0;
  const client = async () => {
    while (next < bodies.length) {
      const body = bodies[next++] as string;
      const res = await fetch(`${base}/api/v1/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
        body,
      });
      const result = (await res.json()) as IngestResult;
      if (res.status !== 200 || result.rejected.length > 0 || result.duplicates > 0) {
        throw new Error(`POST /events answered ${res.status}: ${JSON.stringify(result).slice(0, 400)}`);
      }
      accepted += result.accepted;
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  return accepted;
}

async function timeApi(database: BenchDatabase, bodies: string[]): Promise<Timing> {
  const { db } = database.handle;
  const app = buildApp({ db, logger: silentLogger });
  const { token } = await createToken(db, { name: 'bench-events', role: 'member', scopes: ['events:write'] });
  let server!: ReturnType<typeof serve>;
  const port = await new Promise<number>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve(info.port));
  });
  try {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const accepted = await postAll(`http://127.0.0.1:${port}`, token, bodies);
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const stored = (await sql<{ n: number }>`select count(*)::int as n from usage_events`.execute(db)).rows[0]?.n ?? 0;
    if (accepted !== stored) throw new Error(`the API accepted ${accepted} events but ${stored} rows are stored`);
    return { ms, rows: stored, nodeCpuMs: (used.user + used.system) / 1000 };
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Ids by ref, as the API resolves them, so COPY loads exactly the rows the API stored. */
async function copyCsvFile(database: BenchDatabase, events: BenchEvent[], dir: string): Promise<string> {
  const rows = await database.handle.db.selectFrom('entities').select(['ref', 'id']).execute();
  const ids = new Map(rows.map((r) => [r.ref, r.id]));
  const idOf = (ref: string) => {
    const id = ids.get(ref);
    if (id === undefined) throw new Error(`no entity ${ref}`);
    return id;
  };
  const csvPath = join(dir, 'events.csv');
  await writeFile(csvPath, copyCsv(events, idOf));
  return csvPath;
}

/**
 * COPY into a fresh `like usage_events including all` table: the same columns, indexes and checks, but
 * LIKE copies no foreign keys; with `foreignKeys`, usage_events' own are added, as the API path has them.
 */
async function timeCopy(
  database: BenchDatabase,
  csvPath: string,
  table: string,
  foreignKeys: boolean,
): Promise<Timing> {
  const { db } = database.handle;
  await sql`create table ${sql.table(table)} (like usage_events including all)`.execute(db);
  if (foreignKeys) {
    const fks = await sql<{ def: string }>`
      select pg_get_constraintdef(oid) as def from pg_constraint where conrelid = 'usage_events'::regclass and contype = 'f'`.execute(
      db,
    );
    for (const fk of fks.rows) await sql`alter table ${sql.table(table)} add ${sql.raw(fk.def)}`.execute(db);
  }
  const started = performance.now();
  await database.copyFrom(table, COPY_COLUMNS, csvPath);
  const ms = performance.now() - started;
  const copied =
    (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db)).rows[0]?.n ?? 0;
  return { ms, rows: copied };
}

async function runBackend(
  backend: BackendName,
  catalog: DemoCatalog,
  events: BenchEvent[],
  bodies: string[],
  dir: string,
): Promise<Result> {
  log(`[${backend}] creating and migrating a fresh database`);
  const database = await openBenchDatabase(backend);
  try {
    const imported = await runImport(database.handle.db, {
      files: catalog.files,
      source: 'bench',
      skipInvalid: false,
      actor: 'bench',
    });
    if (imported.status !== 'succeeded')
      throw new Error(`the demo catalog did not import: ${imported.problems.slice(0, 3).join('; ')}`);
    log(`[${backend}] posting ${events.length.toLocaleString('en-US')} events`);
    const api = await timeApi(database, bodies);
    const csvPath = await copyCsvFile(database, events, dir);
    log(`[${backend}] COPY of the same rows`);
    const copy = await timeCopy(database, csvPath, 'usage_events_copy', false);
    log(`[${backend}] COPY of the same rows, with foreign keys`);
    const copyFk = await timeCopy(database, csvPath, 'usage_events_copy_fk', true);
    return { backend, label: database.label, api, copy, copyFk };
  } finally {
    await database.dispose();
  }
}

const num = (n: number) => Math.round(n).toLocaleString('en-US');

function printReport(
  catalog: DemoCatalog,
  total: number,
  bodies: string[],
  results: Result[],
  loadAtStart: number,
): void {
  const cpu = cpus();
  const megabytes = bodies.reduce((sum, b) => sum + Buffer.byteLength(b), 0) / 1e6;
  console.log('\nPaved usage-events benchmark');
  console.log(
    `scale: ${num(total)} events with ids, NDJSON batches of ${num(BATCH_SIZE)} (${bodies.length} requests, ${megabytes.toFixed(0)} MB), ` +
      `${CLIENTS} concurrent clients; catalog ${catalog.capabilities.length} capabilities, ${catalog.services.length} services, ${catalog.teams.length} teams`,
  );
  console.log(
    `machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${platform()}, Node ${process.version}`,
  );
  console.log(
    `load average (1 min): ${loadAtStart.toFixed(2)} at the start, ${(loadavg()[0] ?? 0).toFixed(2)} at the end`,
  );
  console.log(
    'reference: COPY of the same rows (ids resolved, CSV) into usage_events_copy (like usage_events including all: same indexes and checks, no foreign keys)',
  );
  const rate = (t: Timing) => t.rows / (t.ms / 1000);
  const line = (label: string, t: Timing) =>
    console.log(
      `  ${label.padEnd(30)} ${num(rate(t)).padStart(9)} events/s   (${num(t.rows)} in ${(t.ms / 1000).toFixed(2)} s` +
        `${t.nodeCpuMs === undefined ? '' : `; Node busy ${(t.nodeCpuMs / 1000).toFixed(2)} s of CPU`})`,
    );
  for (const r of results) {
    const ratio = rate(r.api) / rate(r.copy);
    console.log(`\n${r.backend}: ${r.label}`);
    line('POST /api/v1/events (NDJSON)', r.api);
    line('COPY (reference)', r.copy);
    line('COPY with the foreign keys', r.copyFk);
    console.log(
      `  ratio API / COPY               ${ratio.toFixed(2)}   aim ≥ ${AIM_RATIO}: ${ratio >= AIM_RATIO ? 'met' : 'MISSED'}`,
    );
    console.log(`  ratio API / COPY with the FKs  ${(rate(r.api) / rate(r.copyFk)).toFixed(2)}`);
  }
}

async function main(): Promise<void> {
  const total = envInt('BENCH_EVENTS', 1_000_000);
  const backends = readBackends();
  const loadAtStart = loadavg()[0] ?? 0;
  const catalog = generateDemoCatalog();
  log(`generating ${total.toLocaleString('en-US')} events`);
  const events = generateEvents(catalog, total, `bench-${Date.now()}`);
  const bodies = ndjsonBatches(events, BATCH_SIZE);
  const dir = await mkdtemp(join(tmpdir(), 'paved-bench-events-'));
  try {
    const results: Result[] = [];
    for (const backend of backends) results.push(await runBackend(backend, catalog, events, bodies, dir));
    printReport(catalog, total, bodies, results, loadAtStart);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
