/**
 * Webhook ingestion and DORA benchmark (`npm run bench:webhooks`).
 *
 * Part 1 serves the real app as src/server/main.ts does (HTTP listener, in-process job runner, a log line per
 * request) for a catalog of 200 teams and 2,000 services mapped to their GitHub repositories, and sends it
 * `--deliveries N` (default 100,000) signed GitHub deliveries built from GitHub's example payloads: pushes of two
 * commits to the default branch and successful production deployment_status events, from 50 concurrent clients in a
 * worker thread. It prints accepted deliveries/s and acknowledgement latency against a listener that only reads
 * the body (the floor under any endpoint), and the time until every fact is derived. Then it sends `--paced N`
 * (default 10,000) more at a steady `--rate` (default 500/s) and prints their acknowledgement latency: flat out,
 * 50 clients that each wait for an answer see about 50 / throughput, whatever the server does.
 *
 * Part 2 replaces those facts with `--deployments N` (default 1,000,000) deployments, two commits each, and
 * `--incidents N` (default 100,000) incidents bulk-loaded, then times GET /api/v1/dora over HTTP for the org and
 * for one team against the same computation as one hand-written SQL query (bench/webhooks/reference-dora.ts), and
 * checks that both give the same numbers.
 *
 * Backend: PGlite in a temporary directory; with DATABASE_URL, a new database on that PostgreSQL server (dropped
 * after the run).
 */
import { cpus, loadavg, platform, totalmem } from 'node:os';
import { sql } from 'kysely';
import { createToken } from '../src/modules/auth/service.js';
import { runImport } from '../src/modules/imports/run-import.js';
import { openBenchDatabase } from './bench-database.js';
import type { Latency } from './http-latency.js';
import { catalogFile, SERVICES, TEAMS, teamName } from './webhooks/catalog.js';
import { COMMITS_PER_PUSH } from './webhooks/deliveries.js';
import { differences, timeDora, timeGet, timeReference, type Measured } from './webhooks/dora-timing.js';
import { ingest, sendDeliveries, type IngestTiming, type SendTiming } from './webhooks/ingest.js';
import { COMMITS_PER_DEPLOYMENT, HISTORY_DAYS, loadFacts, type LoadedFacts } from './webhooks/load-facts.js';
import { startBenchServer, startNullServer } from './webhooks/server.js';

const CLIENTS = 50;
const AIM_ACK_P99_MS = 20;
const AIM_TEAM_MS = 100;
const TEAM = teamName(7);
/** Part 2's history ends here; its period is the 30 days before. */
const END = new Date('2025-06-01T00:00:00Z');
const PERIOD_DAYS = 30;
/** autovacuum_naptime's default: how often a server's autovacuum looks for tables to analyze. */
const AUTOVACUUM_NAPTIME_MS = 60_000;
const RUNS = { team: 50, teamWarmup: 5, org: 5, orgWarmup: 1, referenceTeam: 20, referenceOrg: 3 };

const log = (message: string) => process.stderr.write(`${message}\n`);
const num = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`);

function flag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`--${name} takes a whole number, got "${process.argv[index + 1] ?? ''}"`);
  return value;
}

interface Part1 {
  floor: SendTiming;
  /** Whether the bench stood in for autovacuum, analyzing the queue tables every minute. */
  analyzed: boolean;
  run: IngestTiming & { paced: SendTiming };
}

interface Part2 {
  loaded: LoadedFacts;
  vacuumed: boolean;
  inPeriod: { org: number; team: number };
  org: { api: Measured; reference: Measured };
  team: { api: Measured; reference: Measured };
  extra: { label: string; latency: Latency }[];
}

async function main(): Promise<void> {
  const deliveries = flag('deliveries', 100_000);
  const paced = { count: flag('paced', 10_000), rate: flag('rate', 500) };
  const scale = { deployments: flag('deployments', 1_000_000), incidents: flag('incidents', 100_000) };
  const loadAtStart = loadavg()[0] ?? 0;
  if (process.env.DATABASE_URL) process.env.BENCH_DATABASE_URL = process.env.DATABASE_URL; // bench-database.ts reads this one
  const backend = process.env.DATABASE_URL ? 'postgres' : 'pglite';
  log(`[${backend}] creating and migrating a fresh database`);
  const database = await openBenchDatabase(backend);
  const { db } = database.handle;
  const server = await startBenchServer(db);
  // Without autovacuum (PGlite has none; a server may have it off) planner statistics are never refreshed.
  const autovacuum =
    backend === 'postgres'
      ? (await sql<{ autovacuum: string }>`show autovacuum`.execute(db)).rows[0]?.autovacuum
      : 'none';
  try {
    const imported = await runImport(db, {
      files: [catalogFile()],
      source: 'bench',
      skipInvalid: false,
      actor: 'bench',
    });
    if (imported.status !== 'succeeded')
      throw new Error(`the catalog did not import: ${imported.problems.slice(0, 3).join('; ')}`);

    let part1: Part1 | null = null;
    if (deliveries > 0) {
      log(`[${backend}] the floor: ${num(deliveries)} requests to a listener that only reads the body`);
      const nullServer = await startNullServer();
      const floor = await sendDeliveries(nullServer.url, deliveries, CLIENTS, END).finally(() => nullServer.close());
      log(`[${backend}] sending ${num(deliveries)} signed deliveries from ${CLIENTS} clients`);
      // A server without autovacuum is not how PostgreSQL runs by default: stand in for it (PGlite has none, by design).
      const analyzeEvery = backend === 'postgres' && autovacuum === 'off' ? AUTOVACUUM_NAPTIME_MS : null;
      const plan = {
        count: deliveries,
        clients: CLIENTS,
        start: new Date(END.getTime() - 90 * 86_400_000),
        paced,
        log,
        analyzeEvery,
      };
      part1 = { floor, analyzed: analyzeEvery !== null, run: await ingest(db, server.url, plan) };
    }

    let part2: Part2 | null = null;
    if (scale.deployments > 0) {
      log(`[${backend}] loading ${num(scale.deployments)} deployments and ${num(scale.incidents)} incidents in bulk`);
      await sql`delete from jobs`.execute(db);
      for (const table of ['deployments', 'changes', 'incidents'])
        await sql`delete from ${sql.table(table)}`.execute(db);
      const loaded = await loadFacts(db, scale, END);
      // A server's autovacuum would soon do this after such a load; PGlite has none, so it gets statistics only.
      if (backend === 'postgres') await sql`vacuum analyze deployments, changes, incidents`.execute(db);
      const { token } = await createToken(db, { name: 'bench', role: 'admin' });
      const from = new Date(END.getTime() - PERIOD_DAYS * 86_400_000);
      const teamRef = `group:default/${TEAM}`;
      log(`[${backend}] timing GET /api/v1/dora for ${TEAM}, then the reference query`);
      const team = {
        api: await timeDora(server.url, token, `team:${TEAM}`, from, END, RUNS.team, RUNS.teamWarmup),
        reference: await timeReference(db, teamRef, from, END, RUNS.referenceTeam, 1),
      };
      log(`[${backend}] timing GET /api/v1/dora for the org, then the reference query`);
      const org = {
        api: await timeDora(server.url, token, 'org', from, END, RUNS.org, RUNS.orgWarmup),
        reference: await timeReference(db, null, from, END, RUNS.referenceOrg, 0),
      };
      log(`[${backend}] timing the team's series and drill-down`);
      const period = `from=${from.toISOString()}&to=${END.toISOString()}`;
      const extra = [
        {
          label: `GET /dora/series, ${TEAM}, 12 months`,
          latency: (
            await timeGet(server.url, token, `/api/v1/dora/series?scope=team:${TEAM}&to=${END.toISOString()}`, 20, 2)
          ).latency,
        },
        {
          label: `GET /deployments, ${TEAM}, first 50`,
          latency: (await timeGet(server.url, token, `/api/v1/deployments?scope=team:${TEAM}&${period}`, 20, 2))
            .latency,
        },
        {
          label: `GET /incidents, ${TEAM}, first 50`,
          latency: (await timeGet(server.url, token, `/api/v1/incidents?scope=team:${TEAM}&${period}`, 20, 2)).latency,
        },
      ];
      part2 = {
        loaded,
        vacuumed: backend === 'postgres',
        inPeriod: { org: org.api.answer.deployments, team: team.api.answer.deployments },
        org,
        team,
        extra,
      };
    }
    printReport(`${database.label}; autovacuum ${autovacuum ?? '?'}`, deliveries, part1, scale, part2, loadAtStart);
  } finally {
    await server.stop();
    await database.dispose();
  }
}

function printReport(
  label: string,
  deliveries: number,
  part1: Part1 | null,
  scale: { deployments: number; incidents: number },
  part2: Part2 | null,
  loadAtStart: number,
) {
  const cpu = cpus();
  console.log('\nPaved webhook ingestion and DORA benchmark');
  console.log(`database: ${label}`);
  console.log(
    `machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${platform()}, Node ${process.version}`,
  );
  console.log(
    `load average (1 min): ${loadAtStart.toFixed(2)} at the start, ${(loadavg()[0] ?? 0).toFixed(2)} at the end (other work on the machine slows every figure)`,
  );
  console.log(
    `catalog: ${TEAMS} teams owning ${num(SERVICES)} services, each mapped to its GitHub repository (github.com/project-slug)`,
  );

  if (part1) {
    const { floor, run } = part1;
    const rate = (t: SendTiming) => deliveries / (t.ms / 1000);
    const accepted = run.send.statuses['202 accepted'] ?? 0;
    console.log(
      `\nPart 1: ${num(deliveries)} signed GitHub deliveries (${num(deliveries / 2)} pushes of ${COMMITS_PER_PUSH} commits, ${num(deliveries / 2)} production deployment_status), ${(run.send.bytes / 1e6).toFixed(0)} MB, ${CLIENTS} concurrent HTTP clients`,
    );
    console.log(
      `  answers                     ${Object.entries(run.send.statuses)
        .map(([k, n]) => `${num(n)} × ${k}`)
        .join(', ')}`,
    );
    console.log(
      `  accepted                    ${num(accepted / (run.send.ms / 1000)).padStart(7)} deliveries/s   (floor: ${num(rate(floor))}/s from a listener that only reads the body; ratio ${(rate(run.send) / rate(floor)).toFixed(2)})`,
    );
    console.log(
      `  acknowledgement latency     p50 ${ms(run.send.p50)}, p99 ${ms(run.send.p99)}, max ${ms(run.send.max)}   (floor p50 ${ms(floor.p50)}, p99 ${ms(floor.p99)})`,
    );
    const { paced } = run;
    const pacedRate = (paced.statuses['202 accepted'] ?? 0) / (paced.ms / 1000);
    console.log(
      `  at a steady rate            ${num(pacedRate)} deliveries/s (${num(Object.values(paced.statuses).reduce((a, b) => a + b, 0))} more, the same ${CLIENTS} clients, derivation running alongside): acknowledgement p50 ${ms(paced.p50)}, p99 ${ms(paced.p99)}, max ${ms(paced.max)}`,
    );
    console.log(
      `  aim: 202 within ${AIM_ACK_P99_MS} ms at p99: ${run.send.p99 < AIM_ACK_P99_MS ? 'met' : 'MISSED'} flat out (an empty listener's p99 is ${ms(floor.p99)} there), ${paced.p99 < AIM_ACK_P99_MS ? 'met' : 'MISSED'} at the steady rate`,
    );
    console.log(
      `  all facts derived           ${ms(run.derivedMs)} after the first delivery arrived (${num(deliveries / (run.derivedMs / 1000))} deliveries/s by one in-process job runner)`,
    );
    if (part1.analyzed)
      console.log(
        `  (autovacuum is off on this server: the bench ran ANALYZE on deliveries and jobs every minute meanwhile, as autovacuum would)`,
      );
    console.log(
      `  derived                     ${Object.entries(run.deliveries)
        .map(([k, n]) => `${num(n)} ${k}`)
        .join(', ')}; ${num(run.deployments)} deployments, ${num(run.changes)} changes`,
    );
  }

  if (part2) {
    const { loaded } = part2;
    console.log(
      `\nPart 2: ${num(loaded.deployments)} production deployments (${COMMITS_PER_DEPLOYMENT} commits each: ${num(loaded.changes)} changes) and ${num(loaded.incidents)} incidents over ${HISTORY_DAYS} days, ` +
        `bulk-loaded in ${ms(loaded.ms)}${part2.vacuumed ? ', then VACUUM ANALYZE (as autovacuum would)' : ' (ANALYZE only: PGlite has no autovacuum)'}`,
    );
    if (scale.deployments !== 1_000_000 || scale.incidents !== 100_000)
      console.log('  note: scaled down from the 1,000,000 deployments and 100,000 incidents of issue 4');
    console.log(
      `  period: the ${PERIOD_DAYS} days before ${END.toISOString().slice(0, 10)}, holding ${num(part2.inPeriod.org)} of the org's deployments and ${num(part2.inPeriod.team)} of ${TEAM}'s (${SERVICES / TEAMS} services)`,
    );
    const line = (what: string, api: Latency, reference: Latency) =>
      console.log(
        `  ${what.padEnd(28)} p50 ${ms(api.p50).padStart(9)}  p95 ${ms(api.p95).padStart(9)}   reference p50 ${ms(reference.p50).padStart(9)}  p95 ${ms(reference.p95).padStart(9)}   reference / API (p50) ${(reference.p50 / api.p50).toFixed(1)}`,
      );
    line(`GET /dora, ${TEAM}`, part2.team.api.latency, part2.team.reference.latency);
    line('GET /dora, org', part2.org.api.latency, part2.org.reference.latency);
    console.log(
      `  (HTTP with an admin token: ${RUNS.team} requests for the team, ${RUNS.org} for the org; the reference is timed ${RUNS.referenceTeam} and ${RUNS.referenceOrg} times on the database; both with JIT off)`,
    );
    for (const { label, latency } of part2.extra)
      console.log(`  ${label.padEnd(40)} p50 ${ms(latency.p50)}  p95 ${ms(latency.p95)}`);
    console.log(
      `  aim: DORA for a team under ${AIM_TEAM_MS} ms (p95): ${part2.team.api.latency.p95 < AIM_TEAM_MS ? 'met' : 'MISSED'}`,
    );
    const diff = [
      ...differences(part2.team.api.answer, part2.team.reference.answer).map((f) => `team ${f}`),
      ...differences(part2.org.api.answer, part2.org.reference.answer).map((f) => `org ${f}`),
    ];
    console.log(
      `  the API and the reference agree on every number: ${diff.length === 0 ? 'yes' : `NO (${diff.join(', ')})`}`,
    );
    if (diff.length > 0) process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
