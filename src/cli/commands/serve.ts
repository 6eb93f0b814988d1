import { seedDemo } from '../../demo/seed-demo.js';
import { DataDirInUse } from '../../db/open-database.js';
import type { Config } from '../../server/config.js';
import type { Logger } from '../../http/logger.js';
import { startServer } from '../../server/main.js';
import { dataLines } from '../data-line.js';
import { keepDemoSecretKey } from '../demo-secret-key.js';
import { keepDemoToken, type DemoToken } from '../demo-token.js';

/** Serves until SIGINT/SIGTERM, then shuts down in order. With `demo`, seeds the demo organisation first. */
export async function serveCommand(
  given: Config,
  logger: Logger,
  options: { demo: boolean },
  log: (l: string) => void,
) {
  // A demo without PAVED_SECRET_KEY keeps one in its data directory, so sealed secrets work there too.
  const config = options.demo && !given.secretKey ? { ...given, secretKey: keepDemoSecretKey(given.dataDir) } : given;
  let demoToken = null as DemoToken | null; // set in prepare, which TypeScript cannot follow
  const server = await startServer({
    config,
    logger,
    prepare: options.demo
      ? async ({ db }) => {
          const result = await seedDemo(db, 42, new Date(), config.secretKey);
          const s = result.summary;
          log(`Demo organisation loaded: ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged.`);
          const a = result.adoption;
          log(
            `Adoption history ${a.status}: ${a.repositories} repositories, ${a.detections} detections, ${a.usageEvents} usage events, ${a.mandates} mandates.`,
          );
          // A demo is for looking around: its admin token is printed on every start, and stays the same for the
          // browser and scripts that hold it. It is issued before the server's first-start token, which it replaces.
          if (!config.adminToken) demoToken = await keepDemoToken(db, config.dataDir);
        }
      : undefined,
  }).catch((error: unknown) => {
    // The data directory's lock names the holder; say which directory, and where that server answers.
    if (!(error instanceof DataDirInUse)) throw error;
    const { holder, pid, url } = error.holder;
    const by = holder === 'server' ? `the Paved server${url ? ` at ${url}` : ''}` : 'a paved command';
    throw new Error(
      `${config.dataDir} is in use by ${by} (pid ${pid}); stop it, or set PAVED_DATA_DIR to another directory`,
      {
        cause: error,
      },
    );
  });

  log('');
  log(`Paved is running at ${server.url}`);
  if (demoToken) {
    log(`Admin token: ${demoToken.token}`);
    log(
      demoToken.issued
        ? `  new (${demoToken.issued}); kept in ${demoToken.path}, readable only by you, and the same on every restart of this data directory.`
        : `  the same as before, kept in ${demoToken.path}; delete that file (or revoke the token) for a new one.`,
    );
    log('Sign in with it in the browser, or send it as "Authorization: Bearer <token>".');
  } else if (server.generatedAdminToken) {
    log(`Admin token (shown once, stored hashed): ${server.generatedAdminToken}`);
    log('Sign in with it in the browser, or send it as "Authorization: Bearer <token>".');
  } else if (config.adminToken) {
    log('Sign in with the token in PAVED_ADMIN_TOKEN.');
  } else {
    log('Sign in with your admin token (create another with `paved token create --role admin --name <you>`).');
  }
  for (const line of dataLines(config, server.database.migrated, options.demo)) log(line);
  log('Stop with Ctrl+C.');

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
