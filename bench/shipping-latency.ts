/**
 * p50/p95 of the shipping reads over real HTTP with real tokens (an admin token for the API; a feed token made
 * through the API by a person for the feeds), each against its physical floor: the bare indexed query that reads
 * the same release rows on the same database handle, and GET /api/health for HTTP itself.
 */
import { Agent, request } from 'node:http';
import { sql } from 'kysely';
import type { Db } from '../src/db/schema/index.js';
import { createToken } from '../src/modules/auth/service.js';
import { capabilitiesOfInterest } from '../src/modules/shipping/interest.js';
import { createRandom } from '../src/shared/random.js';
import type { Latency } from './http-latency.js';
import { CAPABILITIES, capabilityName, READER, TEAMS, teamName, type ShippingIds } from './shipping-catalog.js';
import { latencyOf } from './voice-http.js';

export interface Measured {
  label: string;
  api: Latency;
  /** The bare query of the same rows; null where none stands for the endpoint. */
  floor: Latency | null;
  bytes: number;
}

export interface LatencyResult {
  health: Latency;
  measured: Measured[];
}

/** One kept-alive connection; every answer must be 200; returns the body's size. */
function getter(baseUrl: string, token: string | null) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const get = (path: string, method = 'GET', body?: unknown) =>
    new Promise<string>((resolve, reject) => {
      const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      if (body !== undefined) headers['content-type'] = 'application/json';
      const req = request(new URL(path, baseUrl), { method, agent, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          (res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300
            ? resolve(text)
            : reject(new Error(`${method} ${path} answered ${res.statusCode}: ${text.slice(0, 300)}`)),
        );
      });
      req.on('error', reject);
      req.end(body === undefined ? undefined : JSON.stringify(body));
    });
  return { get, close: () => agent.destroy() };
}

/** The newest `limit` releases of these capabilities (all mapped ones when null): what each endpoint shows. */
const bareReleases = (db: Db, capabilityIds: number[] | null, limit: number) =>
  sql`select r.* from releases r
       where ${capabilityIds ? sql`r.capability_id = any(${capabilityIds}::bigint[])` : sql`r.capability_id is not null`}
       order by r.released_at desc, r.id desc limit ${limit}`.execute(db);

export async function measureLatency(
  db: Db,
  baseUrl: string,
  ids: ShippingIds,
  plan: { requests: number; warmup: number; log: (m: string) => void },
): Promise<LatencyResult> {
  const { token: adminToken } = await createToken(db, { name: 'bench', role: 'admin' });
  const admin = getter(baseUrl, adminToken);
  const { token: personal } = JSON.parse(
    await admin.get('/api/v1/tokens', 'POST', { name: 'bench-reader', user: READER }),
  ) as {
    token: string;
  };
  const reader = getter(baseUrl, personal);
  const { token: feedToken } = JSON.parse(await reader.get('/api/v1/feed-tokens', 'POST', { name: 'bench' })) as {
    token: string;
  };
  reader.close();
  const anonymous = getter(baseUrl, null);
  const random = createRandom(42, 'shipping-bench-requests');
  const n = plan.requests + plan.warmup;
  const teams = Array.from({ length: n }, () => random.int(1, TEAMS));
  const caps = Array.from({ length: n }, () => random.int(1, CAPABILITIES));
  // The capabilities each drawn team is interested in, read once, untimed: the floor's input.
  const interests = new Map<number, number[]>();
  for (const t of new Set(teams))
    interests.set(t, [...(await capabilitiesOfInterest(db, `group:default/${teamName(t)}`)).keys()]);

  const measured: Measured[] = [];
  let bytes = 0;
  const time = async (
    label: string,
    client: ReturnType<typeof getter>,
    path: (i: number) => string,
    floor: ((i: number) => Promise<unknown>) | null,
  ) => {
    plan.log(`timing ${label}`);
    bytes = 0;
    const api = await latencyOf(plan.requests, plan.warmup, async (i) => {
      bytes = (await client.get(path(i))).length;
    });
    const bare = floor ? await latencyOf(plan.requests, plan.warmup, floor) : null;
    plan.log(
      `  p50 ${api.p50.toFixed(1)} ms, p95 ${api.p95.toFixed(1)} ms${bare ? `; bare query p50 ${bare.p50.toFixed(2)} ms` : ''}`,
    );
    measured.push({ label, api, floor: bare, bytes });
  };
  try {
    const health = await latencyOf(plan.requests, plan.warmup, () => anonymous.get('/api/health'));
    await time(
      'GET /releases (first page, 50)',
      admin,
      () => '/api/v1/releases',
      () => bareReleases(db, null, 51),
    );
    await time(
      'GET /releases?capability= (random)',
      admin,
      (i) => `/api/v1/releases?capability=${capabilityName(caps[i] as number)}`,
      (i) => bareReleases(db, [ids.capabilities[caps[i] as number] as number], 51),
    );
    await time(
      'GET /teams/{name}/whats-new (random)',
      admin,
      (i) => `/api/v1/teams/${teamName(teams[i] as number)}/whats-new`,
      (i) => bareReleases(db, interests.get(teams[i] as number) ?? [], 21),
    );
    await time(
      'GET /feeds/teams/{name}.atom (random)',
      anonymous,
      (i) => `/feeds/teams/${teamName(teams[i] as number)}.atom?token=${feedToken}`,
      (i) => bareReleases(db, interests.get(teams[i] as number) ?? [], 50),
    );
    await time(
      'GET /feeds/releases.json',
      anonymous,
      () => `/feeds/releases.json?token=${feedToken}`,
      () => bareReleases(db, null, 50),
    );
    return { health, measured };
  } finally {
    admin.close();
    anonymous.close();
  }
}
