/**
 * Shipping benchmark (`npm run bench:shipping`).
 *
 * On each backend of BENCH_BACKENDS (default pglite,postgres; the server at BENCH_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres, gets a new database dropped after the run): imports 2,000 customer
 * teams (4,000 services) and 10 platform teams (60 capabilities), COPYs adoption signals (detections, usage
 * events), 4,000 requests and 20,000 votes, 5,000 releases with Markdown notes over two years, what they close and
 * 30,000 views of their notes (bench/shipping-data.ts, seed 42), then serves the real app with its job runner and
 * prints:
 *   - p50/p95 over HTTP of the changelog (first page, and filtered by a random capability), a random team's what's
 *     new, a random team's Atom feed and the JSON feed of every release (`--requests`, default 100, each), each
 *     against the bare indexed query of the same release rows and against GET /api/health (HTTP alone);
 *   - the fan-out of one release to `--subscriptions` (default 1,000) webhook subscriptions against a local receiver
 *     that verifies every signature: deliveries per second and the time until all are delivered, against the same
 *     receiver sent as many signed requests one at a time.
 * Aim (issue 13): the changelog, what's new and the feeds under 100 ms at p95.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, platform, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { openBenchDatabase, type BackendName } from './bench-database.js';
import { importShippingCatalog } from './shipping-catalog.js';
import { loadShipping } from './shipping-data.js';
import { measureFanOut } from './shipping-fanout.js';
import { measureLatency } from './shipping-latency.js';
import { printShippingReport, type ShippingRun } from './shipping-report.js';
import { startShippingServer } from './shipping-server.js';

const log = (message: string) => process.stderr.write(`${message}\n`);

function flag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} takes a whole number above 0, got "${process.argv[index + 1] ?? ''}"`);
  return value;
}

function readBackends(): BackendName[] {
  const names = (process.env.BENCH_BACKENDS ?? 'pglite,postgres')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const name of names)
    if (name !== 'pglite' && name !== 'postgres') throw new Error(`BENCH_BACKENDS: unknown backend "${name}"`);
  return names as BackendName[];
}

async function runBackend(backend: BackendName, plan: { requests: number; warmup: number; subscriptions: number }) {
  const tag = (message: string) => log(`[${backend}] ${message}`);
  tag('creating and migrating a fresh database');
  const database = await openBenchDatabase(backend);
  const dir = await mkdtemp(join(tmpdir(), 'paved-bench-shipping-'));
  try {
    const { db } = database.handle;
    tag('importing 2,000 customer teams (4,000 services) and 10 platform teams (60 capabilities)');
    const started = performance.now();
    const ids = await importShippingCatalog(db);
    const catalogMs = performance.now() - started;
    tag('loading adoption signals, requests and votes, 5,000 releases, closes and views');
    const loaded = await loadShipping(database, backend, ids, dir, Date.now());
    const server = await startShippingServer(db, backend);
    try {
      const latency = await measureLatency(db, server.url, ids, { ...plan, log: tag });
      const fanOut = await measureFanOut(db, server.url, plan.subscriptions, tag);
      tag(`fan-out: all ${fanOut.verified} verified ${(fanOut.allMs / 1000).toFixed(2)} s after the release`);
      return { backend, label: database.label, catalogMs, loaded, latency, fanOut } satisfies ShippingRun;
    } finally {
      await server.stop();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
    await database.dispose();
  }
}

async function main(): Promise<void> {
  const plan = { requests: flag('requests', 100), warmup: 5, subscriptions: flag('subscriptions', 1000) };
  const loadAtStart = loadavg()[0] ?? 0;
  const runs: ShippingRun[] = [];
  for (const backend of readBackends()) runs.push(await runBackend(backend, plan));
  const cpu = cpus();
  printShippingReport(runs, {
    plan,
    machine: `${cpu.length} × ${cpu[0]?.model.trim() ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${platform()}, Node ${process.version}`,
    load: `${loadAtStart.toFixed(2)} at the start, ${(loadavg()[0] ?? 0).toFixed(2)} at the end`,
  });
  if (runs.some((r) => r.fanOut.delivered !== r.fanOut.subscriptions || r.fanOut.rejected > 0)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
