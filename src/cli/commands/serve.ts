import { revokeTokens } from '../../modules/auth/repo.js';
import { createToken } from '../../modules/auth/service.js';
import { seedDemo } from '../../demo/seed-demo.js';
import type { Config } from '../../server/config.js';
import type { Logger } from '../../http/logger.js';
import { startServer } from '../../server/main.js';

const DEMO_TOKEN_NAME = 'demo-admin';

/** Serves until SIGINT/SIGTERM, then shuts down in order. With `demo`, seeds the demo organisation first. */
export async function serveCommand(
  config: Config,
  logger: Logger,
  options: { demo: boolean },
  log: (l: string) => void,
) {
  let demoToken: string | null = null;
  const server = await startServer({
    config,
    logger,
    prepare: options.demo
      ? async ({ db }) => {
          const result = await seedDemo(db);
          const s = result.summary;
          log(`Demo organisation loaded: ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged.`);
          const a = result.adoption;
          log(
            `Adoption history ${a.status}: ${a.repositories} repositories, ${a.detections} detections, ${a.usageEvents} usage events, ${a.mandates} mandates.`,
          );
          if (!config.adminToken) {
            // A demo is for looking around: hand out a fresh admin token each run rather than hiding it.
            await revokeTokens(db, { name: DEMO_TOKEN_NAME });
            demoToken = (await createToken(db, { name: DEMO_TOKEN_NAME, role: 'admin', createdBy: 'demo' })).token;
          }
        }
      : undefined,
  });

  log('');
  log(`Paved is running at ${server.url}`);
  const token = demoToken ?? server.generatedAdminToken;
  if (token) {
    log(`Admin token (shown once, stored hashed): ${token}`);
    log('Sign in with it in the browser, or send it as "Authorization: Bearer <token>".');
  } else if (config.adminToken) {
    log('Sign in with the token in PAVED_ADMIN_TOKEN.');
  } else {
    log('Sign in with your admin token (create another with `paved token create --role admin --name <you>`).');
  }
  log(`Data: ${config.databaseUrl ? 'PostgreSQL server (DATABASE_URL)' : config.dataDir}. Stop with Ctrl+C.`);

  await new Promise<void>((resolve) => {
    const shutdown = () => {
      process.off('SIGINT', shutdown);
      process.off('SIGTERM', shutdown);
      server.stop().then(resolve, (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        resolve();
      });
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
  });
  return 0;
}
