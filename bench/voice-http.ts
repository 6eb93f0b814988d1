/** HTTP for the voice benchmark: one kept-alive connection, an admin token, every answer checked. */
import { Agent, request } from 'node:http';
import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema/index.js';
import { percentile, type Latency } from './http-latency.js';

export interface Client {
  get(path: string): Promise<unknown>;
  post(path: string, body: unknown): Promise<unknown>;
  close(): void;
}

export function httpClient(baseUrl: string, token: string): Client {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const call = (method: string, path: string, body?: unknown) =>
    new Promise<unknown>((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const headers: Record<string, string> = { authorization: `Bearer ${token}` };
      if (payload !== undefined) headers['content-type'] = 'application/json';
      const req = request(new URL(path, baseUrl), { method, agent, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (status < 200 || status > 299)
            reject(new Error(`${method} ${path} answered ${status}: ${text.slice(0, 300)}`));
          else resolve(JSON.parse(text) as unknown);
        });
      });
      req.on('error', reject);
      req.end(payload);
    });
  return {
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
    close: () => agent.destroy(),
  };
}

/** Milliseconds `work` took, and its value. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

/** Nearest-rank p50 and p95 of `runs` calls, after `warmup` untimed ones. */
export async function latencyOf(runs: number, warmup: number, work: (i: number) => Promise<unknown>): Promise<Latency> {
  for (let i = 0; i < warmup; i++) await work(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed(() => work(i))).ms);
  times.sort((a, b) => a - b);
  return {
    requests: runs,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times[times.length - 1] ?? Number.NaN,
  };
}

/** The same timing for one SQL statement run on the database handle (the physical limit an endpoint is held to). */
export function queryLatency(db: Kysely<Database>, runs: number, query: (db: Kysely<Database>) => Promise<unknown>) {
  return latencyOf(runs, 2, () => query(db));
}
