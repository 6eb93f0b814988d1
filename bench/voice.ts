/**
 * Voice of the customer benchmark (`npm run bench:voice`).
 *
 * On each backend of BENCH_BACKENDS (default pglite,postgres; the server at BENCH_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres, gets a new database dropped after the run): imports a catalog of
 * 2,000 customer teams (4,000 services) and 10 platform teams (30 capabilities), COPYs `--items` feedback items
 * (default 100,000) with the evaluation set's paraphrased text over two years and `--votes` votes (300,000), then
 * serves the real app and prints:
 *   - problem suggestions from scratch (the first GET /api/v1/problems/suggestions of a new server) and after
 *     `--new` (100) items posted through the API, `--rounds` (5) times, checked equal to a computation from scratch;
 *   - p50/p95 of GET /api/v1/backlog, /voice/summary and /voice/inbox over `--requests` (50) requests each;
 *   - each against a physical limit on the same database: COPY for the load, a plain count(*) over the rows an
 *     endpoint reads, reading the suggestion engine's input.
 * Aims (issue 12): suggestions for 100 new items in under 2 s; the lists and the summary under 100 ms at p95.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, platform, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { openBenchDatabase, type BackendName } from './bench-database.js';
import { importVoiceCatalog, PLATFORM_TEAMS, TEAMS } from './voice-catalog.js';
import { loadVoice } from './voice-load.js';
import { printVoiceReport, type BackendRun } from './voice-report.js';
import { runScenario } from './voice-scenario.js';

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

async function runBackend(
  backend: BackendName,
  scale: { items: number; votes: number },
  plan: Parameters<typeof runScenario>[1],
) {
  const tag = (message: string) => log(`[${backend}] ${message}`);
  tag('creating and migrating a fresh database');
  const database = await openBenchDatabase(backend);
  const dir = await mkdtemp(join(tmpdir(), 'paved-bench-voice-'));
  try {
    const { db } = database.handle;
    tag(`importing ${TEAMS} customer teams and ${PLATFORM_TEAMS} platform teams`);
    const started = performance.now();
    const ids = await importVoiceCatalog(db);
    const catalogMs = performance.now() - started;
    tag(`loading ${scale.items.toLocaleString('en-US')} items and ${scale.votes.toLocaleString('en-US')} votes`);
    const end = Date.now();
    const loaded = await loadVoice(database, backend, ids, scale, dir, end);
    const result = await runScenario(db, { ...plan, log: tag });
    return { backend, label: database.label, catalogMs, loaded, result } satisfies BackendRun;
  } finally {
    await rm(dir, { recursive: true, force: true });
    await database.dispose();
  }
}

async function main(): Promise<void> {
  const scale = { items: flag('items', 100_000), votes: flag('votes', 300_000) };
  const plan = {
    requests: flag('requests', 50),
    warmup: 3,
    rounds: flag('rounds', 5),
    fresh: flag('new', 100),
    log,
  };
  const loadAtStart = loadavg()[0] ?? 0;
  const runs: BackendRun[] = [];
  for (const backend of readBackends()) runs.push(await runBackend(backend, scale, plan));
  const cpu = cpus();
  printVoiceReport(runs, {
    scale,
    plan,
    machine: `${cpu.length} × ${cpu[0]?.model.trim() ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${platform()}, Node ${process.version}`,
    load: `${loadAtStart.toFixed(2)} at the start, ${(loadavg()[0] ?? 0).toFixed(2)} at the end`,
  });
  if (runs.some((r) => !r.result.same || !r.result.triage.placedLeft)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
