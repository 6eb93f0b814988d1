/** Prints the shipping benchmark's figures, one column per database, each against its floor, and a short table. */
import type { BackendName } from './bench-database.js';
import type { Latency } from './http-latency.js';
import type { FanOutResult } from './shipping-fanout.js';
import type { LatencyResult } from './shipping-latency.js';
import type { LoadedShipping } from './shipping-data.js';

export interface ShippingRun {
  backend: BackendName;
  label: string;
  catalogMs: number;
  loaded: LoadedShipping;
  latency: LatencyResult;
  fanOut: FanOutResult;
}

const AIM_P95_MS = 100;
const num = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (v: number) =>
  v >= 1000 ? `${(v / 1000).toFixed(2)} s` : v >= 10 ? `${v.toFixed(0)} ms` : `${v.toFixed(1)} ms`;
const times = (value: number, limit: number) => `${(value / limit).toFixed(value / limit < 10 ? 1 : 0)}×`;
const lat = (l: Latency) => `p50 ${ms(l.p50)}, p95 ${ms(l.p95)}`;
const perSecond = (count: number, msTaken: number) => `${num(count / (msTaken / 1000))}/s`;

function table(rows: string[][]): void {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  for (const r of rows)
    console.log(
      r
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('   ')
        .trimEnd(),
    );
}

interface Context {
  plan: { requests: number; warmup: number; subscriptions: number };
  machine: string;
  load: string;
}

export function printShippingReport(runs: ShippingRun[], context: Context): void {
  const { plan } = context;
  const first = runs[0];
  if (!first) return;
  const rowsLoaded = first.loaded.rows;
  console.log('\nPaved shipping benchmark');
  console.log(
    `scale: 2,000 customer teams (4,000 services), 60 capabilities; ${num(rowsLoaded.releases ?? 0)} releases over two years (Markdown notes), ` +
      `${num(rowsLoaded.detections ?? 0)} detections and ${num(rowsLoaded.usage_events ?? 0)} usage events (${num(first.loaded.usedPairs)} team-capability uses), ` +
      `${num(rowsLoaded.feedback ?? 0)} requests and ${num(rowsLoaded.request_votes ?? 0)} votes (${num(first.loaded.askedPairs)} team-capability asks), ` +
      `${num(rowsLoaded.release_closes ?? 0)} closed requests, ${num(rowsLoaded.capability_views ?? 0)} views of notes`,
  );
  console.log(`machine: ${context.machine}`);
  console.log(`load average (1 min): ${context.load} (other work on the machine slows every figure)`);
  for (const r of runs) console.log(`${r.backend}: ${r.label}`);
  console.log('');

  const rows: string[][] = [['', ...runs.map((r) => r.backend)]];
  const row = (label: string, cell: (r: ShippingRun) => string) => rows.push([label, ...runs.map(cell)]);
  row('catalog import', (r) => ms(r.catalogMs));
  row(
    'COPY of the releases (the load limit)',
    (r) => `${ms(r.loaded.copyReleasesMs)} (${perSecond(r.loaded.rows.releases ?? 0, r.loaded.copyReleasesMs)})`,
  );
  row('whole load, with statistics', (r) => ms(r.loaded.totalMs));
  row('GET /api/health (HTTP alone)', (r) => lat(r.latency.health));
  for (const [i, m] of first.latency.measured.entries()) {
    row(m.label, (r) => lat(r.latency.measured[i]?.api as Latency));
    row('  bare query of the same rows', (r) => {
      const floor = r.latency.measured[i]?.floor;
      return floor ? lat(floor) : '–';
    });
    row('  p95 / bare query p50', (r) => {
      const x = r.latency.measured[i];
      return x?.floor ? times(x.api.p95, x.floor.p50) : '–';
    });
    row('  answer size', (r) => `${num((r.latency.measured[i]?.bytes ?? 0) / 1024)} KiB`);
  }
  row(
    `creating ${plan.subscriptions} subscriptions (API)`,
    (r) => `${ms(r.fanOut.subscribeMs)} (${perSecond(r.fanOut.subscriptions, r.fanOut.subscribeMs)})`,
  );
  row('fan-out: announcements stored and queued', (r) => ms(r.fanOut.queuedMs));
  row('  first delivery at the receiver', (r) => ms(r.fanOut.firstMs));
  row('  all delivered and verified', (r) => ms(r.fanOut.allMs));
  row('  deliveries per second', (r) => perSecond(r.fanOut.subscriptions, r.fanOut.allMs - r.fanOut.firstMs));
  row(
    '  floor: the same requests, one at a time',
    (r) => `${ms(r.fanOut.floorMs)} (${perSecond(r.fanOut.subscriptions, r.fanOut.floorMs)})`,
  );
  row(
    '  verified / rejected / delivered',
    (r) => `${r.fanOut.verified} / ${r.fanOut.rejected} / ${r.fanOut.delivered}`,
  );
  table(rows);
  console.log(
    `\n${plan.requests} sequential requests per endpoint over HTTP (admin token; the feeds with a feed token made through the API), after ${plan.warmup} warm-up requests; p = nearest rank.` +
      ' Bare query: the newest releases of the same capabilities (the team’s interests read beforehand), no join, on the same database handle.',
  );
  for (const r of runs) {
    const verdicts = r.latency.measured.map((m) => `${m.label} ${m.api.p95 < AIM_P95_MS ? 'met' : 'MISSED'}`);
    console.log(`aim on ${r.backend} (p95 under ${AIM_P95_MS} ms): ${verdicts.join('; ')}`);
  }

  console.log('\nFor the README:\n');
  console.log(`| | ${runs.map((r) => (r.backend === 'pglite' ? 'PGlite' : 'PostgreSQL')).join(' | ')} |`);
  console.log(`|---|${runs.map(() => '---|').join('')}`);
  for (const [i, m] of first.latency.measured.entries())
    console.log(
      `| ${m.label}, p50 / p95 | ${runs
        .map((r) => {
          const x = r.latency.measured[i]?.api as Latency;
          return `${ms(x.p50)} / ${ms(x.p95)}`;
        })
        .join(' | ')} |`,
    );
  console.log(
    `| Fan-out to ${num(plan.subscriptions)} webhooks: all delivered | ${runs.map((r) => ms(r.fanOut.allMs)).join(' | ')} |`,
  );
  console.log(
    `| Deliveries per second (floor: one at a time) | ${runs.map((r) => `${perSecond(r.fanOut.subscriptions, r.fanOut.allMs - r.fanOut.firstMs)} (${perSecond(r.fanOut.subscriptions, r.fanOut.floorMs)})`).join(' | ')} |`,
  );
}
