import { parseArgs } from 'node:util';
import { migrateToLatest } from '../db/migrate.js';
import { loadConfig } from '../server/config.js';
import { createLogger } from '../http/logger.js';
import { openDatabase } from '../db/open-database.js';
import { withBackend } from './backend.js';
import { importBackstage, importFacts } from './commands/import.js';
import { reprocessCommand } from './commands/reprocess.js';
import { scanCommand } from './commands/scan.js';
import { serveCommand } from './commands/serve.js';
import { tokenCreate, tokenList, tokenRevoke } from './commands/token.js';

const HELP = `paved: run your internal platform as a product

Usage:
  paved serve                              start Paved (PORT, DATABASE_URL, PAVED_DATA_DIR)
  paved demo                               start Paved with the demo organisation
  paved migrate                            bring the database schema up to date
  paved import backstage <path|url>        import Backstage descriptors from a file, a directory
        [--token T] [--skip-invalid]       tree, or a running Backstage (its base URL)
  paved import deployments|changes|incidents <file.csv|file.ndjson>
                                           import delivery facts (the JSON API's fields; a file with
                                           any bad line changes nothing)
  paved reprocess [--failed]               derive the stored webhook deliveries again (--failed: only
                                           the failed ones) and map facts to services again
  paved scan <path> [--history]            find capability adoption in a git repository or a folder
                                           of them (--history: date first adoption from git history)
  paved token create --role R --name N     issue an API token (roles: admin, member, viewer)
        [--scope events:write] [--team T]
  paved token list                         list tokens (never their secrets)
  paved token revoke <id>                  revoke a token and its sessions
`;

const log = (line: string) => console.log(line);

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      token: { type: 'string' },
      'skip-invalid': { type: 'boolean', default: false },
      role: { type: 'string' },
      name: { type: 'string' },
      scope: { type: 'string', multiple: true },
      team: { type: 'string' },
      history: { type: 'boolean', default: false },
      failed: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, sub, arg] = positionals;
  if (values.help || !command || command === 'help') {
    log(HELP);
    return command || values.help ? 0 : 1;
  }
  const config = loadConfig();
  const logger = createLogger(config.logLevel);

  switch (command) {
    case 'serve':
    case 'start':
      return serveCommand(config, logger, { demo: false }, log);
    case 'demo':
      return serveCommand(config, logger, { demo: true }, log);
    case 'migrate': {
      const database = await openDatabase(config, 'cli');
      const ran = await migrateToLatest(database.db as never);
      await database.close();
      log(ran.length ? `Applied ${ran.join(', ')}` : 'The schema is up to date.');
      return 0;
    }
    case 'import':
      if ((sub === 'deployments' || sub === 'changes' || sub === 'incidents') && arg)
        return withBackend(config, (backend) => importFacts(backend, { kind: sub, file: arg }, log));
      if (sub !== 'backstage' || !arg)
        throw new Error(
          'usage: paved import backstage <path|url> [--token T] [--skip-invalid] | paved import deployments|changes|incidents <file.csv|file.ndjson>',
        );
      return withBackend(config, (backend) =>
        importBackstage(
          backend,
          { target: arg, token: values.token ?? null, skipInvalid: values['skip-invalid'] ?? false },
          log,
        ),
      );
    case 'scan':
      if (!sub) throw new Error('usage: paved scan <path> [--history]');
      return withBackend(config, (backend) =>
        scanCommand(backend, { path: sub, history: values.history ?? false }, log),
      );
    case 'reprocess':
      return withBackend(config, (backend) =>
        reprocessCommand(
          backend,
          {
            failed: values.failed ?? false,
            settings: {
              deployWorkflows: config.deployWorkflows,
              productionEnvironments: config.productionEnvironments,
            },
          },
          log,
        ),
      );
    case 'token':
      if (sub === 'create') {
        if (!values.name || !values.role)
          throw new Error('usage: paved token create --role admin|member|viewer --name <name>');
        const input = { name: values.name, role: values.role, scopes: values.scope ?? [], team: values.team };
        return withBackend(config, (backend) => tokenCreate(backend, input, log));
      }
      if (sub === 'list') return withBackend(config, (backend) => tokenList(backend, log));
      if (sub === 'revoke') return withBackend(config, (backend) => tokenRevoke(backend, Number(arg), log));
      throw new Error('usage: paved token create|list|revoke');
    default:
      log(HELP);
      throw new Error(`unknown command "${command}"`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`paved: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
