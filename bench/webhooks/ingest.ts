/** Part 1: signed GitHub deliveries over HTTP, from a worker thread, then the wait for every fact to be derived. */
import { Worker } from 'node:worker_threads';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/schema/index.js';
import { percentile } from '../http-latency.js';
import type { SendRequest, SendResult } from './send-worker.js';

export interface SendTiming {
  ms: number;
  bytes: number;
  statuses: Record<string, number>;
  p50: number;
  p99: number;
  max: number;
}

export interface IngestTiming {
  send: SendTiming;
  /** From the first delivery received to the last one derived. */
  derivedMs: number;
  deliveries: Record<string, number>;
  deployments: number;
  changes: number;
}

/**
 * Sends `count` deliveries to `url` with `clients` concurrent clients, as fast as answered or at `rate` per second;
 * the bodies are built before the clock starts.
 */
export function sendDeliveries(
  url: string,
  count: number,
  clients: number,
  start: Date,
  options: { first?: number; rate?: number } = {},
): Promise<SendTiming> {
  const request: SendRequest = {
    url,
    first: options.first ?? 0,
    count,
    clients,
    start: start.toISOString(),
    rate: options.rate ?? null,
  };
  // Workers do not inherit tsx's loader: the worker registers it, then loads the TypeScript file.
  const script = new URL('./send-worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(script)}); });`;
  const worker = new Worker(boot, { eval: true, workerData: request });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (message: { ready: true } | SendResult) => {
      if ('ready' in message) {
        worker.postMessage('go');
        return;
      }
      const sorted = Array.from(message.latencies).sort((a, b) => a - b);
      resolve({
        ms: message.ms,
        bytes: message.bytes,
        statuses: message.statuses,
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
        max: sorted[sorted.length - 1] ?? Number.NaN,
      });
      void worker.terminate();
    });
  });
}

async function pending(db: Kysely<Database>): Promise<number> {
  const row = (await sql<{ n: number }>`select count(*)::int as n from deliveries where status = 'pending'`.execute(db))
    .rows[0];
  return row?.n ?? 0;
}

async function allDerived(db: Kysely<Database>, log: (m: string) => void) {
  for (let left = await pending(db); left > 0; left = await pending(db)) {
    log(`  ${left.toLocaleString('en-US')} deliveries still to derive`);
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }
}

export interface IngestPlan {
  count: number;
  clients: number;
  start: Date;
  /** Then this many more at this steady rate, once the first ones are derived. */
  paced: { count: number; rate: number };
  log: (m: string) => void;
  /** How often to refresh the planner's statistics of the queue tables meanwhile, as a server's autovacuum would. */
  analyzeEvery: number | null;
}

/**
 * Sends as fast as the server answers, waits until the job runner has derived every delivery and counts what it
 * derived; then sends more at a steady rate (derivation running alongside, as it does in service).
 */
export async function ingest(
  db: Kysely<Database>,
  baseUrl: string,
  plan: IngestPlan,
): Promise<IngestTiming & { paced: SendTiming }> {
  const { count, clients, start, log } = plan;
  const analyzer =
    plan.analyzeEvery === null
      ? null
      : setInterval(() => void sql`analyze deliveries, jobs`.execute(db).catch(() => {}), plan.analyzeEvery);
  const url = `${baseUrl}/webhooks/github`;
  try {
    const send = await sendDeliveries(url, count, clients, start);
    log(
      `  sent in ${(send.ms / 1000).toFixed(1)} s; acknowledgement p50 ${send.p50.toFixed(1)} ms, p99 ${send.p99.toFixed(1)} ms; ${JSON.stringify(send.statuses)}`,
    );
    await allDerived(db, log);
    const counts = await derived(db);
    log(`  then ${plan.paced.count.toLocaleString('en-US')} more at ${plan.paced.rate}/s`);
    const paced = await sendDeliveries(url, plan.paced.count, clients, start, { first: count, rate: plan.paced.rate });
    log(
      `  acknowledgement p50 ${paced.p50.toFixed(1)} ms, p99 ${paced.p99.toFixed(1)} ms; ${JSON.stringify(paced.statuses)}`,
    );
    await allDerived(db, log);
    return { send, ...counts, paced };
  } finally {
    if (analyzer) clearInterval(analyzer);
  }
}

async function derived(db: Kysely<Database>): Promise<Omit<IngestTiming, 'send'>> {
  const span = (
    await sql<{
      ms: number;
    }>`select extract(epoch from max(processed_at) - min(received_at))::float8 * 1000 as ms from deliveries`.execute(db)
  ).rows[0];
  const statuses = await sql<{
    status: string;
    n: number;
  }>`select status, count(*)::int as n from deliveries group by status`.execute(db);
  const facts = (
    await sql<{
      d: number;
      c: number;
    }>`select (select count(*) from deployments)::int as d, (select count(*) from changes)::int as c`.execute(db)
  ).rows[0];
  return {
    derivedMs: span?.ms ?? Number.NaN,
    deliveries: Object.fromEntries(statuses.rows.map((r) => [r.status, r.n])),
    deployments: facts?.d ?? 0,
    changes: facts?.c ?? 0,
  };
}
