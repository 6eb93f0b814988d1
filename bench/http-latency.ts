import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema/index.js';
import { createToken } from '../src/modules/auth/service.js';
import { buildApp } from '../src/server/app.js';
import { silentLogger } from '../src/http/logger.js';

export interface Latency {
  requests: number;
  p50: number;
  p95: number;
  max: number;
}

/** A named list of request paths, measured one after another (latency, not throughput). */
export interface RequestSet {
  name: string;
  paths: string[];
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

async function timeRequest(base: string, token: string, path: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json()) as { items?: unknown[] };
  const ms = performance.now() - started;
  if (response.status !== 200 || !Array.isArray(body.items)) {
    throw new Error(`GET ${path} answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
  }
  return ms;
}

/**
 * Serves the real app on a free local port and times each request set over HTTP, after `warmup` untimed
 * requests per set. Every request carries an admin token, so authentication is part of what is measured.
 */
export async function measureHttp(
  db: Kysely<Database>,
  sets: RequestSet[],
  warmup: number,
): Promise<Map<string, Latency>> {
  const app = buildApp({ db, logger: silentLogger });
  const { token } = await createToken(db, { name: 'bench', role: 'admin' });
  let server!: ReturnType<typeof serve>;
  const port = await new Promise<number>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve(info.port));
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    const out = new Map<string, Latency>();
    for (const set of sets) {
      for (const path of set.paths.slice(0, warmup)) await timeRequest(base, token, path);
      const times: number[] = [];
      for (const path of set.paths) times.push(await timeRequest(base, token, path));
      times.sort((a, b) => a - b);
      out.set(set.name, {
        requests: times.length,
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        max: times[times.length - 1] ?? Number.NaN,
      });
    }
    return out;
  } finally {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      if ('closeAllConnections' in server) server.closeAllConnections();
    });
  }
}
