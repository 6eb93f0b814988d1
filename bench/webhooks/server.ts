/** The server as src/server/main.ts wires it (app, HTTP listener, in-process job runner), on a bench database. */
import type { AddressInfo } from 'node:net';
import { devNull } from 'node:os';
import { serve } from '@hono/node-server';
import type { Kysely } from 'kysely';
import { pino } from 'pino';
import type { Database } from '../../src/db/schema/index.js';
import { createRegistry } from '../../src/jobs/registry.js';
import { JobRunner } from '../../src/jobs/runner.js';
import { DERIVE_AFTER_MS } from '../../src/modules/inbox/delivery-writer.js';
import { buildApp } from '../../src/server/app.js';
import { moduleJobs } from '../../src/server/modules.js';
import { DEFAULT_DEPLOY_WORKFLOWS } from '../../src/connectors/github/read-delivery.js';
import { DEFAULT_RATE_LIMITS } from '../../src/http/rate-limits.js';
import { SECRET } from './deliveries.js';

export interface RunningBenchServer {
  url: string;
  stop(): Promise<void>;
}

function listen(
  fetch: (request: Request) => Response | Promise<Response>,
): Promise<{ url: string; close(): Promise<void> }> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      }),
    );
  });
}

/** Logs one JSON line per request at info level, as a deployed server does, into the null device. */
export async function startBenchServer(db: Kysely<Database>): Promise<RunningBenchServer> {
  const logger = pino({ level: 'info' }, pino.destination({ dest: devNull, sync: false }));
  const runner = new JobRunner(
    db,
    createRegistry(moduleJobs({ db, derive: { deployWorkflows: DEFAULT_DEPLOY_WORKFLOWS } })),
    logger,
  );
  const app = buildApp({
    db,
    logger,
    notifyJobs: () => runner.notify(),
    deriveDelayMs: DERIVE_AFTER_MS,
    webhookSecrets: { github: [SECRET] },
    // The server's limits, so every delivery pays for the check; the webhook limit is raised out of reach because
    // the bench's 50 clients are one address sending far more than a real sender's share.
    rateLimits: { ...DEFAULT_RATE_LIMITS, webhooks: { limit: Number.MAX_SAFE_INTEGER, windowMs: 60_000 } },
  });
  const http = await listen(app.fetch);
  runner.start();
  return {
    url: http.url,
    stop: async () => {
      await http.close();
      await runner.stop();
    },
  };
}

/** The floor under any webhook endpoint: the same listener reading the body and answering 202, nothing else. */
export function startNullServer() {
  return listen(async (request) => {
    await request.arrayBuffer();
    return new Response('{"status":"accepted"}', { status: 202, headers: { 'content-type': 'application/json' } });
  });
}
