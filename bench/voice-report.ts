/** Prints the voice benchmark's figures, one column per database, each against its physical limit. */
import type { BackendName } from './bench-database.js';
import type { Latency } from './http-latency.js';
import type { Loaded } from './voice-load.js';
import type { ScenarioResult } from './voice-scenario.js';

export interface BackendRun {
  backend: BackendName;
  label: string;
  catalogMs: number;
  loaded: Loaded;
  result: ScenarioResult;
}

const AIM_NEW_ITEMS_MS = 2000;
const AIM_P95_MS = 100;

const num = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`);
const times = (value: number, limit: number) => `${(value / limit).toFixed(value / limit < 10 ? 1 : 0)}×`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

interface Context {
  scale: { items: number; votes: number };
  plan: { requests: number; warmup: number; rounds: number; fresh: number };
  machine: string;
  load: string;
}

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

export function printVoiceReport(runs: BackendRun[], context: Context): void {
  const { scale, plan } = context;
  console.log('\nPaved voice of the customer benchmark');
  console.log(
    `scale: 2,000 customer teams (4,000 services), 10 platform teams (30 capabilities); ${num(scale.items)} feedback items over two years, ${num(scale.votes)} votes`,
  );
  console.log(`machine: ${context.machine}`);
  console.log(`load average (1 min): ${context.load} (other work on the machine slows every figure)`);
  for (const r of runs) console.log(`${r.backend}: ${r.label}`);
  console.log('');

  const rows: string[][] = [['', ...runs.map((r) => r.backend)]];
  const row = (label: string, cell: (r: BackendRun) => string) => rows.push([label, ...runs.map(cell)]);
  const lat = (l: Latency) => `p50 ${ms(l.p50)}, p95 ${ms(l.p95)}`;
  row('catalog import', (r) => ms(r.catalogMs));
  row(
    'COPY of the items (the load limit)',
    (r) => `${ms(r.loaded.copyItemsMs)} (${num(r.loaded.items / (r.loaded.copyItemsMs / 1000))} rows/s)`,
  );
  row(
    'COPY of the votes',
    (r) => `${ms(r.loaded.copyVotesMs)} (${num(r.loaded.votes / (r.loaded.copyVotesMs / 1000))} rows/s)`,
  );
  row('open items in no problem', (r) => `${num(r.loaded.openUnplaced)} (${num(r.loaded.requests)} requests in all)`);
  row('limit: count(*) of those items', (r) => lat(r.result.limits.openScan));
  row('limit: count(*) of the votes', (r) => lat(r.result.limits.votesScan));
  row('limit: count(*) of bugs and support', (r) => lat(r.result.limits.summaryScan));
  row('limit: reading the engine’s input', (r) => lat(r.result.limits.readInput));
  row('suggestions from scratch', (r) => {
    const s = r.result.scratch;
    return `${ms(s.ms)} (${times(s.ms, r.result.limits.readInput.p50)} reading; ${num(s.suggestions)} suggestions, ${num(s.items)} items)`;
  });
  row('  asked again, nothing new', (r) => ms(r.result.again));
  row(`  after ${plan.fresh} new items (median, max)`, (r) => {
    const values = r.result.rounds.map((x) => x.ms);
    return `${ms(median(values))}, ${ms(Math.max(...values))}`;
  });
  row(`  posting the ${plan.fresh} items (median)`, (r) => ms(median(r.result.rounds.map((x) => x.postMs))));
  row('  same as computed from scratch', (r) => (r.result.same ? 'yes' : 'NO'));
  const limitOf = (r: BackendRun, path: string) =>
    path.includes('backlog')
      ? r.result.limits.votesScan
      : path.includes('summary')
        ? r.result.limits.summaryScan
        : r.result.limits.openScan;
  for (const { label, path } of runs[0]?.result.latency ?? []) {
    row(label, (r) => lat(r.result.latency.find((l) => l.path === path)?.latency as Latency));
    row('  p95 / its limit’s p50', (r) => {
      const l = r.result.latency.find((x) => x.path === path)?.latency as Latency;
      return times(l.p95, limitOf(r, path).p50);
    });
  }
  row('after a vote: GET /backlog', (r) => {
    const x = r.result.triage;
    return `${ms(x.backlogAfterVote)} (the request's reach ${x.reach[0]} → ${x.reach[1]})`;
  });
  row('after placing an item: GET /voice/inbox', (r) => {
    const x = r.result.triage;
    return `${ms(x.inboxAfterPlacing)} (suggestions ${x.staleAfterPlacing ? 'stale' : 'exact'})`;
  });
  row('  GET /problems/suggestions', (r) => {
    const x = r.result.triage;
    return `${ms(x.suggestionsAfterPlacing)} (the item ${x.placedLeft ? 'left at once' : 'STILL SHOWN'})`;
  });
  row('  exact again after', (r) => ms(r.result.triage.exactAgainAfter));
  table(rows);
  console.log(
    `\n${plan.requests} sequential requests per endpoint over HTTP with an admin token, after ${plan.warmup} warm-up requests; p = nearest rank.` +
      ` Limits: the backlog against a count of the votes, the summary against a count of bugs and support requests, the inbox against a count of open items in no problem.`,
  );
  for (const r of runs) {
    const newItems = Math.max(...r.result.rounds.map((x) => x.ms)) < AIM_NEW_ITEMS_MS;
    const lists = r.result.latency.every((l) => l.latency.p95 < AIM_P95_MS);
    console.log(
      `aim on ${r.backend}: suggestions for ${plan.fresh} new items under 2 s ${newItems ? 'met' : 'MISSED'}; ` +
        `backlog, summary and inbox under ${AIM_P95_MS} ms at p95 ${lists ? 'met' : 'MISSED'}`,
    );
  }
}
