import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { createRegistry } from '../jobs/registry.js';
import { JobRunner } from '../jobs/runner.js';
import { revokeTokens } from '../modules/auth/repo.js';
import { ensureAdminToken, issueLocalCliToken, LOCAL_CLI_TOKEN } from '../modules/auth/service.js';
import { DERIVE_AFTER_MS } from '../modules/inbox/delivery-writer.js';
import { sealStoredSecrets } from '../modules/integrations/seal-stored-secrets.js';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { moduleJobs, moduleSweeps } from './modules.js';
import type { Logger } from '../http/logger.js';
import { openDatabase, type OpenDatabase } from '../db/open-database.js';

export interface RunningServer {
  url: string;
  database: OpenDatabase;
  /** The admin token generated on first start, to print once; null when one already existed. */
  generatedAdminToken: string | null;
  stop(): Promise<void>;
}

/** The built SPA next to the compiled server (dist/web), or in a source checkout after `npm run build:web`. */
export function findWebRoot(): string | null {
  for (const candidate of ['../../web', '../../dist/web', '../../../dist/web']) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(`${path}/index.html`)) return path;
  }
  return null;
}

export interface StartOptions {
  config: Config;
  logger: Logger;
  /** Runs before the server listens and before a first-start admin token is made (the demo seeds here). */
  prepare?: (database: OpenDatabase) => Promise<void>;
}

/** Opens the database, runs the worker in-process, and listens. `stop()` shuts down in order. */
export async function startServer({ config, logger, prepare }: StartOptions): Promise<RunningServer> {
  const database = await openDatabase(config, 'server');
  const { db } = database;
  // Preparing first lets it issue an admin token of its own (the demo's), so no other is generated unseen.
  await prepare?.(database);
  const { generated } = await ensureAdminToken(db, config.adminToken);
  await sealStoredSecrets(db, config.secretKey, logger);

  const derive = {
    deployWorkflows: config.deployWorkflows,
    productionEnvironments: config.productionEnvironments,
    feedbackLabels: config.feedbackLabels,
  };
  // The embedded database's files are held by this process alone: a job still running at start was left by a
  // process that died.
  const runner = new JobRunner(
    db,
    createRegistry(
      moduleJobs({
        db,
        derive,
        allowPrivateDestinations: config.allowPrivateDestinations,
        secretKey: config.secretKey,
        publicUrl: config.auth.publicUrl,
      }),
    ),
    logger,
    { soleWorker: database.kind === 'pglite', sweeps: moduleSweeps() },
  );
  const app = buildApp({
    db,
    logger,
    notifyJobs: () => runner.notify(),
    deriveDelayMs: DERIVE_AFTER_MS,
    productionEnvironments: config.productionEnvironments,
    webRoot: findWebRoot(),
    scanRoot: config.scanRoot,
    allowPrivateDestinations: config.allowPrivateDestinations,
    secretKey: config.secretKey,
    rateLimits: config.rateLimits,
    trustProxy: config.trustProxy,
    ...(database.dumpDataDir ? { dumpDatabase: database.dumpDataDir } : {}),
    auth: config.auth,
    webhookSecrets: {
      github: config.githubWebhookSecrets,
      gitlab: config.gitlabWebhookTokens,
      pagerduty: config.pagerdutyWebhookSecrets,
    },
  });

  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host}:${port}`;
  runner.start();

  // With the embedded database, CLI commands reach the data through this server, with a token only it hands out.
  let cliToken: string | null = null;
  if (database.kind === 'pglite') {
    cliToken = await issueLocalCliToken(db);
    database.advertise({ url, token: cliToken });
  }

  let stopping: Promise<void> | null = null;
  return {
    url,
    database,
    generatedAdminToken: generated,
    stop() {
      stopping ??= (async () => {
        logger.info('shutting down');
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          (server as Server).closeIdleConnections();
        });
        await runner.stop();
        if (cliToken) await revokeTokens(db, { name: LOCAL_CLI_TOKEN });
        await database.close();
      })();
      return stopping;
    },
  };
}
