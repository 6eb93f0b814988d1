/**
 * The server as src/server/main.ts wires it (app, HTTP listener, in-process job runner with every module's jobs and
 * sweeps), on a bench database, with the two settings announcements need: PAVED_SECRET_KEY (a random key when the
 * environment has none) and PAVED_ALLOW_PRIVATE_DESTINATIONS (on: the receiver is on 127.0.0.1).
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { devNull } from 'node:os';
import { serve } from '@hono/node-server';
import type { Kysely } from 'kysely';
import { pino } from 'pino';
import type { Database } from '../src/db/schema/index.js';
import { DEFAULT_RATE_LIMITS } from '../src/http/rate-limits.js';
import { createRegistry } from '../src/jobs/registry.js';
import { JobRunner } from '../src/jobs/runner.js';
import { DERIVE_AFTER_MS } from '../src/modules/inbox/delivery-writer.js';
import { parseSecretKey } from '../src/modules/integrations/secret-box.js';
import { buildApp } from '../src/server/app.js';
import { moduleJobs, moduleSweeps } from '../src/server/modules.js';
import type { BackendName } from './bench-database.js';

export interface ShippingServer {
  url: string;
  runner: JobRunner;
  stop(): Promise<void>;
}

export async function startShippingServer(db: Kysely<Database>, backend: BackendName): Promise<ShippingServer> {
  process.env.PAVED_SECRET_KEY ??= randomBytes(32).toString('base64');
  process.env.PAVED_ALLOW_PRIVATE_DESTINATIONS = 'true';
  const secretKey = parseSecretKey(process.env.PAVED_SECRET_KEY);
  const allowPrivateDestinations = true;
  // One JSON line per request and per job at info level, as a deployed server writes, into the null device.
  const logger = pino({ level: 'info' }, pino.destination({ dest: devNull, sync: false }));
  const runner = new JobRunner(
    db,
    createRegistry(moduleJobs({ db, derive: {}, allowPrivateDestinations, secretKey, publicUrl: null })),
    logger,
    { soleWorker: backend === 'pglite', sweeps: moduleSweeps() },
  );
  const app = buildApp({
    db,
    logger,
    notifyJobs: () => runner.notify(),
    deriveDelayMs: DERIVE_AFTER_MS,
    allowPrivateDestinations,
    secretKey,
    rateLimits: DEFAULT_RATE_LIMITS,
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  runner.start();
  return {
    url: `http://127.0.0.1:${port}`,
    runner,
    stop: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await runner.stop();
    },
  };
}
