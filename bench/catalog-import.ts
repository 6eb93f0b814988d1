/**
 * Catalog import and query benchmark (`npm run bench:catalog`).
 *
 * Generates a catalog as descriptor files (BENCH_TEAMS groups, BENCH_SERVICES services, BENCH_CAPABILITIES
 * capabilities, BENCH_USERS users; defaults 2000 / 20000 / 50 / 0), imports it through the real code path
 * (readCatalogTree → runImport) into each backend of BENCH_BACKENDS (default pglite,postgres), re-imports it
 * unchanged, then serves the real app and times the list and search endpoints over HTTP. The reference is
 * Backstage's catalog backend 4.0.5 on PostgreSQL at the same scale, on a comparable machine.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, platform, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { openBenchDatabase, type BackendName } from './bench-database.js';
import { writeLargeCatalog, type CatalogScale, type GeneratedCatalog } from './generate-large-catalog.js';
import { measureHttp, type Latency, type RequestSet } from './http-latency.js';
import { timedImport, type ImportTiming } from './timed-import.js';
import { createRandom } from '../src/shared/random.js';

const BACKSTAGE = { version: '4.0.5', importSeconds: 176, ownerP95: 21, searchP95: 31 } as const;
const AIM_IMPORT_SECONDS = BACKSTAGE.importSeconds / 10;
const REQUESTS = 200;
const WARMUP = 20;

interface BackendResult {
  backend: BackendName;
  label: string;
  first: ImportTiming;
  again: ImportTiming;
  latency: Map<string, Latency>;
}

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
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

/** The same request paths for every backend, drawn once from a fixed seed. */
function requestSets(catalog: GeneratedCatalog): RequestSet[] {
  const rng = createRandom(7, 'bench-requests');
  const word = () => rng.pick(rng.pick(catalog.serviceNames).split('-'));
  const draw = (make: () => string) => Array.from({ length: REQUESTS }, make);
  return [
    { name: 'owner', paths: draw(() => `/api/v1/services?owner=${rng.pick(catalog.serviceOwners)}&limit=50`) },
    { name: 'search', paths: draw(() => `/api/v1/search?q=${encodeURIComponent(word())}`) },
    { name: 'services-q', paths: draw(() => `/api/v1/services?q=${encodeURIComponent(word())}&limit=50`) },
  ];
}

async function runBackend(
  backend: BackendName,
  dir: string,
  catalog: GeneratedCatalog,
  sets: RequestSet[],
): Promise<BackendResult> {
  process.stderr.write(`[${backend}] creating and migrating a fresh database\n`);
  const database = await openBenchDatabase(backend);
  try {
    const { db } = database.handle;
    process.stderr.write(`[${backend}] importing\n`);
    const first = await timedImport(db, dir, catalog, 'first');
    process.stderr.write(`[${backend}] re-importing the unchanged files\n`);
    const again = await timedImport(db, dir, catalog, 'again');
    process.stderr.write(`[${backend}] timing ${REQUESTS} requests per query over HTTP\n`);
    const latency = await measureHttp(db, sets, WARMUP);
    return { backend, label: database.label, first, again, latency };
  } finally {
    await database.dispose();
  }
}

const num = (n: number) => n.toLocaleString('en-US');
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const ms = (v: number) => `${v.toFixed(1)} ms`;
const ratio = (r: number) => r.toFixed(r < 2 ? 2 : 1);
const factor = (reference: number, measured: number) =>
  measured <= reference ? `${ratio(reference / measured)}× faster` : `${ratio(measured / reference)}× slower`;

function printReport(catalog: GeneratedCatalog, results: BackendResult[], loadAtStart: number): void {
  const { scale } = catalog;
  const entities = scale.groups + scale.users + scale.services + scale.capabilities;
  const cpu = cpus();
  console.log('\nPaved catalog benchmark');
  console.log(
    `scale: ${num(scale.groups)} groups (1 organisation, ${catalog.departments} departments, ${num(catalog.teams)} teams), ` +
      `${num(scale.users)} users, ${num(scale.services)} services, ${num(scale.capabilities)} capabilities = ${num(entities)} entities ` +
      `in ${num(catalog.files)} files (${(catalog.bytes / 1e6).toFixed(1)} MB of YAML)`,
  );
  console.log(
    `machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${platform()}, Node ${process.version}`,
  );
  // Other work on the machine slows every figure; the load average says how busy it was.
  console.log(
    `load average (1 min): ${loadAtStart.toFixed(2)} at the start, ${(loadavg()[0] ?? 0).toFixed(2)} at the end`,
  );
  for (const r of results) console.log(`${r.backend}: ${r.label}`);
  console.log(
    `reference: Backstage catalog backend ${BACKSTAGE.version} on PostgreSQL, 2,000 groups + 20,000 components`,
  );
  if (scale.groups !== 2000 || scale.services !== 20000)
    console.log('note: this run is at another scale than the reference, so the ratios do not compare like with like');
  console.log('');

  const rows: [string, ...string[]][] = [['', ...results.map((r) => r.backend), `Backstage ${BACKSTAGE.version}`]];
  const row = (label: string, cells: string[], reference = '') => rows.push([label, ...cells, reference]);
  const per = (pick: (r: BackendResult) => string) => results.map(pick);
  const lat = (r: BackendResult, name: string) => r.latency.get(name) as Latency;

  row(
    'import, end to end',
    per((r) => sec(r.first.totalMs)),
    `${BACKSTAGE.importSeconds} s`,
  );
  row(
    '  read files (readCatalogTree)',
    per((r) => sec(r.first.readMs)),
  );
  row(
    '  parse, validate, write (runImport)',
    per((r) => sec(r.first.importMs)),
  );
  row(
    '  entities/s',
    per((r) => num(Math.round(r.first.entities / (r.first.totalMs / 1000)))),
    num(Math.round(22_000 / BACKSTAGE.importSeconds)),
  );
  row(
    '  vs Backstage',
    per((r) => factor(BACKSTAGE.importSeconds * 1000, r.first.totalMs)),
  );
  row(
    're-import, unchanged',
    per((r) => `${sec(r.again.totalMs)} (${num(r.again.summary.unchanged)} unchanged)`),
  );
  row(
    '  read files (readCatalogTree)',
    per((r) => sec(r.again.readMs)),
  );
  row(
    '  parse, validate, compare (runImport)',
    per((r) => sec(r.again.importMs)),
  );
  for (const [name, label, reference] of [
    ['owner', 'GET /services?owner=…&limit=50', BACKSTAGE.ownerP95],
    ['search', 'GET /search?q=…', BACKSTAGE.searchP95],
    ['services-q', 'GET /services?q=…&limit=50', null],
  ] as const) {
    row(
      label,
      per((r) => `p50 ${ms(lat(r, name).p50)}`),
    );
    row(
      '',
      per((r) => `p95 ${ms(lat(r, name).p95)}`),
      reference === null ? '' : `p95 ${reference} ms`,
    );
    if (reference !== null)
      row(
        '  vs Backstage (p95)',
        per((r) => factor(reference, lat(r, name).p95)),
      );
  }
  const columns = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  for (const r of rows)
    console.log(
      r
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('   ')
        .trimEnd(),
    );

  console.log(
    `\n${REQUESTS} sequential requests per query over HTTP with an admin token, after ${WARMUP} warm-up requests; p = nearest rank.`,
  );
  for (const r of results) {
    const importOk = r.first.totalMs / 1000 < AIM_IMPORT_SECONDS;
    const queriesOk = lat(r, 'owner').p95 <= BACKSTAGE.ownerP95 && lat(r, 'search').p95 <= BACKSTAGE.searchP95;
    console.log(
      `aim on ${r.backend}: import under ${AIM_IMPORT_SECONDS.toFixed(1)} s ${importOk ? 'met' : 'MISSED'}; ` +
        `queries no slower than Backstage ${queriesOk ? 'met' : 'MISSED'}`,
    );
  }
}

async function main(): Promise<void> {
  const scale: CatalogScale = {
    groups: envInt('BENCH_TEAMS', 2000),
    users: envInt('BENCH_USERS', 0),
    services: envInt('BENCH_SERVICES', 20000),
    capabilities: envInt('BENCH_CAPABILITIES', 50),
  };
  const backends = readBackends();
  const loadAtStart = loadavg()[0] ?? 0;
  const dir = await mkdtemp(join(tmpdir(), 'paved-bench-catalog-'));
  try {
    process.stderr.write(`generating the catalog in ${dir}\n`);
    const catalog = await writeLargeCatalog(dir, scale);
    const sets = requestSets(catalog);
    const results: BackendResult[] = [];
    for (const backend of backends) results.push(await runBackend(backend, dir, catalog, sets));
    printReport(catalog, results, loadAtStart);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
