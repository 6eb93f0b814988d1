/**
 * Runs in a worker thread so that building and sending requests does not share the server's event loop: builds
 * every delivery first, says "ready", and on "go" sends them with CLIENTS concurrent clients, timing each one:
 * as fast as the server answers, or at a steady rate (each request has its time; one sent late because every
 * client was still waiting is timed from when it was due, so a slow server cannot hide its queue).
 */
import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { delivery, type Delivery } from './deliveries.js';

export interface SendRequest {
  url: string;
  /** Deliveries `first` to `first + count - 1` of the sequence deliveries.ts builds. */
  first: number;
  count: number;
  clients: number;
  start: string;
  /** Deliveries per second; null to send each as soon as a client is free. */
  rate: number | null;
}

export interface SendResult {
  /** Milliseconds from sending each request to reading its whole answer. */
  latencies: Float64Array;
  statuses: Record<string, number>;
  ms: number;
  bytes: number;
}

const { url, first, count, clients, start, rate } = workerData as SendRequest;
const port = parentPort;
if (!port) throw new Error('send-worker.ts runs as a worker thread');

const deliveries: Delivery[] = Array.from({ length: count }, (_, i) => delivery(first + i, new Date(start)));
// node:http with keep-alive connections, one per client: fetch (undici) costs several times more client CPU per
// request, and the client shares the machine with the server.
const agent = new Agent({ keepAlive: true, maxSockets: clients });
const target = new URL(url);

function post(d: Delivery): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers = {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(d.body)),
      'x-github-event': d.event,
      'x-github-delivery': d.id,
      'x-hub-signature-256': d.signature,
      'user-agent': 'GitHub-Hookshot/bench',
    };
    const req = request(
      { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent, headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(d.body);
  });
}
const bytes = deliveries.reduce((sum, d) => sum + Buffer.byteLength(d.body), 0);
port.postMessage({ ready: true, bytes });

port.once('message', async () => {
  const latencies = new Float64Array(count);
  const statuses: Record<string, number> = {};
  let next = 0;
  const began = performance.now();
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const client = async () => {
    while (next < count) {
      const i = next++;
      const d = deliveries[i] as Delivery;
      const due = rate === null ? null : began + (i * 1000) / rate;
      const late = due !== null && performance.now() > due;
      if (due !== null && !late) await sleep(due - performance.now());
      const sent = late && due !== null ? due : performance.now();
      const res = await post(d);
      latencies[i] = performance.now() - sent;
      const answer = JSON.parse(res.body) as { status?: string };
      const key = `${res.status} ${answer.status ?? 'error'}`;
      statuses[key] = (statuses[key] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  const result: SendResult = { latencies, statuses, ms: performance.now() - began, bytes };
  agent.destroy();
  port.postMessage(result);
});
