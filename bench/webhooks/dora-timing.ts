/** Part 2: GET /api/v1/dora over HTTP against the hand-written reference query, on the same database. */
import { Agent, get } from 'node:http';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema/index.js';
import { percentile, type Latency } from '../http-latency.js';
import { referenceDora, type ReferenceDora } from './reference-dora.js';

export interface Measured {
  latency: Latency;
  /** The last answer, to compare the two computations. */
  answer: ReferenceDora;
}

async function timed<T>(runs: number, warmup: number, run: () => Promise<T>): Promise<{ latency: Latency; last: T }> {
  for (let i = 0; i < warmup; i++) await run();
  const times: number[] = [];
  let last!: T;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    last = await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    latency: {
      requests: runs,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      max: times[times.length - 1] ?? Number.NaN,
    },
    last,
  };
}

/** The API's answer in the reference's terms. */
function totalsOf(body: any): ReferenceDora {
  return {
    deployments: body.deployments,
    lead_median: body.changeLeadTime.medianHours,
    lead_n: body.changeLeadTime.n,
    failed: body.changeFailRate.failed,
    recovery_median: body.failedDeploymentRecoveryTime.medianHours,
    recovery_n: body.failedDeploymentRecoveryTime.n,
    rework: body.reworkRate.rework,
    incident_median: body.incidentRecoveryTime.medianHours,
    incident_n: body.incidentRecoveryTime.n,
    unresolved: body.incidentRecoveryTime.unresolved,
  };
}

function getJson(agent: Agent, url: URL, token: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    get(url, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown }));
    }).on('error', reject);
  });
}

/**
 * Times `path` over HTTP with an admin token, on one kept-alive connection of its own (so a connection the server
 * closed while the reference query ran is never reused); every answer must be 200.
 */
export async function timeGet(
  baseUrl: string,
  token: string,
  path: string,
  runs: number,
  warmup: number,
): Promise<{ latency: Latency; body: any }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const { latency, last } = await timed(runs, warmup, async () => {
      const res = await getJson(agent, new URL(path, baseUrl), token);
      if (res.status !== 200)
        throw new Error(`GET ${path} answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
      return res.body;
    });
    return { latency, body: last };
  } finally {
    agent.destroy();
  }
}

export async function timeDora(
  baseUrl: string,
  token: string,
  scope: string,
  from: Date,
  to: Date,
  runs: number,
  warmup: number,
): Promise<Measured> {
  const path = `/api/v1/dora?scope=${encodeURIComponent(scope)}&from=${from.toISOString()}&to=${to.toISOString()}`;
  const { latency, body } = await timeGet(baseUrl, token, path, runs, warmup);
  return { latency, answer: totalsOf(body) };
}

export async function timeReference(
  db: Kysely<Database>,
  teamRef: string | null,
  from: Date,
  to: Date,
  runs: number,
  warmup: number,
): Promise<Measured> {
  const { latency, last } = await timed(runs, warmup, () => referenceDora(db, teamRef, from, to));
  return { latency, answer: last };
}

/** The names of the fields where the two computations differ (medians compared to 1e-9 hours). */
export function differences(a: ReferenceDora, b: ReferenceDora): string[] {
  return (Object.keys(a) as (keyof ReferenceDora)[]).filter((k) => {
    const [x, y] = [a[k], b[k]];
    return x === null || y === null ? x !== y : Math.abs(x - y) > 1e-9;
  });
}
