/**
 * Fan-out of one release to `count` webhook subscriptions, through the API and the server's in-process job runner,
 * against a local receiver (node:http on 127.0.0.1) that verifies every request's signature with the
 * standardwebhooks package under the secret its subscription was given. The floor: the same receiver sent the same
 * number of signed requests one after another, each on a new connection (as the sender makes them).
 */
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { Webhook } from 'standardwebhooks';
import type { Db } from '../src/db/schema/index.js';
import { createToken } from '../src/modules/auth/service.js';
import { capabilityName } from './shipping-catalog.js';
import { httpClient } from './voice-http.js';

export interface FanOutResult {
  subscriptions: number;
  /** Creating the subscriptions through the API, one request each. */
  subscribeMs: number;
  /** The floor: `subscriptions` signed POSTs to the receiver, one at a time, a new connection each. */
  floorMs: number;
  /** From POST /releases to: its follow-ups done (every announcement stored and its job queued), the first request at the receiver, the last. */
  queuedMs: number;
  firstMs: number;
  allMs: number;
  verified: number;
  rejected: number;
  delivered: number;
}

interface Receiver {
  url: string;
  secrets: Map<string, string>;
  verified: Set<string>;
  rejected: number;
  firstAt: number | null;
  lastAt: number | null;
  /** Resolves when `n` distinct messages have been verified. */
  waitFor(n: number, timeoutMs: number): Promise<void>;
  reset(): void;
  close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  let waiting: { n: number; resolve: () => void } | null = null;
  const state: Receiver = {
    url: '',
    secrets: new Map(),
    verified: new Set(),
    rejected: 0,
    firstAt: null,
    lastAt: null,
    waitFor: (n, timeoutMs) =>
      new Promise<void>((resolve, reject) => {
        if (state.verified.size >= n) return resolve();
        const timer = setTimeout(
          () => reject(new Error(`only ${state.verified.size} of ${n} arrived in ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiting = { n, resolve: () => (clearTimeout(timer), resolve()) };
      }),
    reset: () => {
      state.verified.clear();
      state.rejected = 0;
      state.firstAt = state.lastAt = null;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const now = performance.now();
      state.firstAt ??= now;
      const secret = state.secrets.get(req.url ?? '');
      try {
        if (!secret) throw new Error('no subscription at this path');
        new Webhook(secret).verify(Buffer.concat(chunks).toString('utf8'), req.headers as Record<string, string>);
        state.verified.add(`${req.url} ${req.headers['webhook-id'] as string}`);
        state.lastAt = now;
        res.writeHead(204).end();
      } catch {
        state.rejected++;
        res.writeHead(400).end('bad signature');
      }
      if (waiting && state.verified.size >= waiting.n) waiting.resolve();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

function post(url: string, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent: false, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function measureFanOut(
  db: Db,
  baseUrl: string,
  count: number,
  log: (m: string) => void,
): Promise<FanOutResult> {
  const receiver = await startReceiver();
  const { token } = await createToken(db, { name: 'bench-fan-out', role: 'admin' });
  const admin = httpClient(baseUrl, token);
  try {
    log(`creating ${count} webhook subscriptions through the API`);
    const subscribeStarted = performance.now();
    for (let i = 1; i <= count; i++) {
      const path = `/hook/${i}`;
      const created = (await admin.post('/api/v1/subscriptions', {
        kind: 'webhook',
        url: `${receiver.url}${path}`,
        name: `bench ${i}`,
      })) as { secret: string };
      receiver.secrets.set(path, created.secret);
    }
    const subscribeMs = performance.now() - subscribeStarted;

    log(`the floor: ${count} signed requests to the receiver, one at a time`);
    const notes =
      ((await admin.get('/api/v1/releases?limit=1')) as { items: { notes: string }[] }).items[0]?.notes ?? '';
    const floorStarted = performance.now();
    for (const [path, secret] of receiver.secrets) {
      const body = JSON.stringify({ type: 'release.published', timestamp: new Date().toISOString(), data: { notes } });
      const id = `msg_floor_${path}`;
      const signature = new Webhook(secret).sign(id, new Date(), body);
      const headers = {
        'content-type': 'application/json',
        'webhook-id': id,
        'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
        'webhook-signature': signature,
      };
      if ((await post(`${receiver.url}${path}`, headers, body)) !== 204)
        throw new Error('the floor request was refused');
    }
    const floorMs = performance.now() - floorStarted;
    receiver.reset();

    log(`publishing one release to ${count} subscriptions; waiting until the receiver has verified every one`);
    await pause(100); // a subscription takes the releases written after it
    const started = performance.now();
    const startedAt = Date.now();
    const release = (await admin.post('/api/v1/releases', {
      capability: capabilityName(1),
      version: '99.0.0',
      type: 'feature',
      title: 'The fan-out release',
      notes: `${notes}\n\nPublished by the benchmark.`,
    })) as { id: number };
    await receiver.waitFor(count, 600_000);
    const allMs = (receiver.lastAt ?? Number.NaN) - started;
    const firstMs = (receiver.firstAt ?? Number.NaN) - started;
    // Give the runner the moment to record the last attempts, then read what the server stored.
    let delivered = 0;
    for (let tries = 0; tries < 100 && delivered < count; tries++) {
      if (tries > 0) await pause(50);
      delivered = Number(
        (
          await sql<{
            n: string;
          }>`select count(*) as n from announcements where release_id = ${release.id} and status = 'delivered'`.execute(
            db,
          )
        ).rows[0]?.n ?? 0,
      );
    }
    const followUp = await sql<{ finished_at: Date }>`
      select finished_at from jobs where type = 'release-published' and payload->>'releaseId' = ${String(release.id)}`.execute(
      db,
    );
    const finished = followUp.rows[0]?.finished_at;
    return {
      subscriptions: count,
      subscribeMs,
      floorMs,
      queuedMs: finished ? new Date(finished).getTime() - startedAt : Number.NaN,
      firstMs,
      allMs,
      verified: receiver.verified.size,
      rejected: receiver.rejected,
      delivered,
    };
  } finally {
    admin.close();
    await receiver.close();
  }
}
