/**
 * Similar items while typing (`npx tsx bench/feedback-similar.ts`): BENCH_ITEMS feedback items (default 100,000)
 * with titles made of realistic phrases, then the query behind GET /api/v1/feedback/similar for titles typed a
 * word at a time, each REPEAT times, at the API's thresholds and stricter ones; prints p50/p95 and the plan. Backends: BENCH_BACKENDS (pglite, postgres;
 * default both); the server database is BENCH_DATABASE_URL or the local one.
 */
import { loadavg } from 'node:os';
import { sql } from 'kysely';
import type { FeedbackKind } from '../src/db/schema/voice.js';
import { insertItems, SIMILARITY, similarItems, type NewFeedbackRow } from '../src/modules/voice/feedback/repo.js';
import { openBenchDatabase, type BackendName } from './bench-database.js';

const pick = <T>(list: T[], i: number) => list[i % list.length] as T;

const SUBJECTS = [
  'builds',
  'deploys',
  'the pipeline',
  'tests',
  'the registry',
  'preview environments',
  'secrets',
  'the staging cluster',
  'logs',
  'alerts',
  'database migrations',
  'feature flags',
  'the service template',
  'on-call handover',
  'docs',
  'the CLI',
  'artifact storage',
  'load balancers',
  'DNS changes',
  'certificates',
];
const PROBLEMS = [
  'are slow',
  'fail randomly',
  'take forever',
  'need manual steps',
  'break on Fridays',
  'are hard to find',
  'time out',
  'are flaky',
  'lack an API',
  'need access requests',
  'cost too much',
  'are undocumented',
  'block releases',
  'need approvals',
  'drift between teams',
];
const TAILS = [
  '',
  ' for the payments team',
  ' after the upgrade',
  ' since March',
  ' in the EU region',
  ' again',
  ' on every merge',
  ' for new joiners',
  ' in {service}',
  ' when {service} deploys',
  ' for {service} and {other}',
  ' (blocking {service})',
];
// Service names give the titles the variety real ones have: about 100,000 distinct titles in 100,000 items.
const SERVICES = Array.from(
  { length: 400 },
  (_, i) =>
    `${pick(['cart', 'ledger', 'search', 'auth', 'billing', 'catalog', 'checkout', 'mail', 'geo', 'media'], i)}-${pick(['api', 'worker', 'web', 'jobs', 'gateway'], i >> 3)}${i >> 6 || ''}`,
);
const TYPED = [
  'slow b',
  'slow builds',
  'builds take forever',
  'flaky tests',
  'registry access',
  'preview env',
  'deploys fail on fridays',
  'secrets rotation',
  'alerts are noisy',
  'docs outdated',
];
const KINDS: FeedbackKind[] = ['pain', 'request', 'bug', 'support'];
const REPEAT = 20;
// The API's thresholds first, then stricter ones for comparison.
const THRESHOLDS = [SIMILARITY, { whole: 0.4, within: 0.6 }, { whole: 0.5, within: 0.7 }];

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

async function run(backend: BackendName, total: number) {
  const database = await openBenchDatabase(backend);
  const db = database.handle.db;
  try {
    for (let start = 0; start < total; start += 5000) {
      const rows: NewFeedbackRow[] = [];
      for (let i = start; i < Math.min(total, start + 5000); i++) {
        const tail = pick(TAILS, i * 3 + (i >> 9))
          .replace('{service}', pick(SERVICES, i * 31 + (i >> 4)))
          .replace('{other}', pick(SERVICES, i * 17 + 5));
        const title = `${pick(SUBJECTS, i * 7)} ${pick(PROBLEMS, i * 13 + (i >> 5))}${tail}`;
        const closed = i % 3 === 0 ? new Date('2025-06-01') : null;
        rows.push({
          kind: pick(KINDS, i),
          title: title[0]!.toUpperCase() + title.slice(1),
          status: closed ? 'resolved' : 'open',
          opened_at: new Date('2025-01-01'),
          closed_at: closed,
        });
      }
      await insertItems(db, rows);
    }
    await sql`analyze feedback`.execute(db);
    const distinct = await sql<{ n: number }>`select count(distinct title)::int as n from feedback`.execute(db);
    const timings = THRESHOLDS.map((thresholds) => {
      return { thresholds, times: [] as number[] };
    });
    for (const timing of timings)
      for (let r = 0; r < REPEAT; r++)
        for (const title of TYPED) {
          const began = performance.now();
          await similarItems(db, { title, limit: 5 }, timing.thresholds);
          timing.times.push(performance.now() - began);
        }
    const plan = await sql<{ 'QUERY PLAN': string }>`explain select id from feedback
      where (lower(title) % ${'slow builds'} or ${'slow builds'} <% lower(title)) and closed_at is null`.execute(db);
    return {
      label: database.label,
      distinct: distinct.rows[0]?.n ?? 0,
      timings: timings.map(({ thresholds, times }) => {
        times.sort((x, y) => x - y);
        return { thresholds, p50: quantile(times, 0.5), p95: quantile(times, 0.95), n: times.length };
      }),
      plan: plan.rows
        .map((row) => row['QUERY PLAN'])
        .filter((line) => /Scan|Index/.test(line))
        .map((l) => l.trim()),
    };
  } finally {
    await database.dispose();
  }
}

const total = Number(process.env.BENCH_ITEMS ?? 100_000);
const backends = (process.env.BENCH_BACKENDS ?? 'pglite,postgres').split(',') as BackendName[];
const loadAtStart = loadavg()[0] ?? 0;
console.log(
  `similar items: ${total.toLocaleString('en-US')} items (a third closed), ${TYPED.length} typed titles × ${REPEAT}`,
);
for (const backend of backends) {
  const r = await run(backend, total);
  console.log(`\n${backend}: ${r.label}, ${r.distinct.toLocaleString('en-US')} distinct titles`);
  for (const { thresholds, p50, p95, n } of r.timings)
    console.log(
      `  thresholds ${thresholds.whole} whole / ${thresholds.within} within: p50 ${p50.toFixed(1)} ms   p95 ${p95.toFixed(1)} ms   (${n} queries)${thresholds === SIMILARITY ? '  <- the API’s' : ''}`,
    );
  for (const line of r.plan) console.log(`  plan: ${line}`);
}
console.log(
  `\nload average (1 min): ${loadAtStart.toFixed(2)} at the start, ${(loadavg()[0] ?? 0).toFixed(2)} at the end (2 cores)`,
);
