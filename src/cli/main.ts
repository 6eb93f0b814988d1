import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.js';
import { createLogger } from '../http/logger.js';
import { whereIs, withBackend } from './backend.js';
import { backupCommand, restoreCommand } from './commands/backup.js';
import { importBackstage, importFacts, mustExist } from './commands/import.js';
import { importFeedbackFile } from './commands/import-feedback.js';
import { reprocessCommand } from './commands/reprocess.js';
import { releaseCommand, releaseUsage } from './commands/release.js';
import { scanCommand } from './commands/scan.js';
import { serveCommand } from './commands/serve.js';
import { checkTokenArgs, tokenCreate, tokenList, tokenRevoke, tokenId } from './commands/token.js';

const HELP = `paved: run your internal platform as a product

Usage:
  paved serve                              start Paved (PORT, DATABASE_URL, PAVED_DATA_DIR)
  paved demo                               start Paved with the demo organisation
  paved migrate                            bring the database schema up to date
  paved import backstage <path|url>        import Backstage descriptors from a file, a directory
        [--token T] [--skip-invalid]       tree, or a running Backstage (its base URL); Location
        [--allow-outside]                  targets and symbolic links stay inside the tree unless
                                           --allow-outside
  paved import deployments|changes|incidents <file.csv|file.ndjson>
                                           import delivery facts (the JSON API's fields; a file with
                                           any bad line changes nothing)
  paved import feedback <file.csv>         import pains, requests, bugs and support requests (the
                                           API's fields plus kind; all or nothing)
  paved reprocess [--failed]               derive the stored webhook deliveries again (--failed: only
                                           the failed ones) and map facts to services again
  paved release <capability> <version>     publish a release (for a CI pipeline); its Markdown notes
        --notes FILE [--type T]            from FILE; type feature (default), fix, breaking,
        [--title T] [--date D]             deprecation or security; --closes the requests, bugs and
        [--closes request:12,bug:3]        roadmap items it closes
  paved scan <path> [--history]            find capability adoption in a git repository or a folder
                                           of them (--history: date first adoption from git history)
  paved token create --role R --name N     issue an API token (roles: admin, member, viewer)
        [--scope events:write] [--team T]
  paved token create --user U --name N     issue a personal token for a catalog User (name or email):
                                           it acts as that person, with their rights
  paved token list                         list service and personal tokens (never their secrets)
  paved token revoke <id>                  revoke a token and its sessions
  paved backup <file> [--force]            a consistent snapshot of the embedded database, also while
                                           the server runs (with DATABASE_URL: use pg_dump)
  paved restore <file> [--force]           write a backup into PAVED_DATA_DIR, which must hold no
                                           database (--force replaces it) and no running server
`;

const log = (line: string) => console.log(line);

/** Node's own words for a bad option name its API ("To specify a positional argument…"); a person needs less. */
function parse(argv: string[]) {
  try {
    return parseOptions(argv);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const option = /'(-[^']*)'/.exec(error instanceof Error ? error.message : '')?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      throw new Error(`unknown option ${option ?? ''}; \`paved --help\` lists each command's options`, {
        cause: error,
      });
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      throw new Error(`${option ?? 'an option'} needs a value; \`paved --help\` lists each command's options`, {
        cause: error,
      });
    throw error;
  }
}

function parseOptions(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      token: { type: 'string' },
      'skip-invalid': { type: 'boolean', default: false },
      'allow-outside': { type: 'boolean', default: false },
      role: { type: 'string' },
      name: { type: 'string' },
      scope: { type: 'string', multiple: true },
      team: { type: 'string' },
      user: { type: 'string' },
      history: { type: 'boolean', default: false },
      failed: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      notes: { type: 'string' },
      type: { type: 'string' },
      title: { type: 'string' },
      date: { type: 'string' },
      closes: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv);
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
    case 'migrate':
      // Opening the database migrates it; a running server did so when it started.
      return withBackend(config, async (backend) => {
        const ran = backend.kind === 'direct' ? backend.migrated : [];
        if (backend.kind === 'api') log(`The server at ${backend.url} brought its schema up to date when it started.`);
        else if (ran.length === 0) log(`The schema of ${whereIs(backend)} is up to date.`);
        else log(`Applied ${ran.length} migration(s) to ${whereIs(backend)}, up to ${ran.at(-1)}.`);
        return 0;
      });
    case 'import': {
      const usage =
        'usage: paved import backstage <path|url> [--token T] [--skip-invalid] [--allow-outside] | paved import deployments|changes|incidents <file.csv|file.ndjson> | paved import feedback <file.csv>';
      if (sub && !['backstage', 'deployments', 'changes', 'incidents', 'feedback'].includes(sub))
        throw new Error(`cannot import "${sub}": ${usage}`);
      if (!sub || !arg) throw new Error(sub ? `paved import ${sub} needs a path: ${usage}` : usage);
      // Checked before the database is opened, which would create an empty one for a mistyped path.
      if (sub !== 'backstage') await mustExist(arg, 'a file');
      else if (!/^https?:\/\//i.test(arg)) await mustExist(arg, 'a file or directory');
      if (sub === 'feedback') return withBackend(config, (backend) => importFeedbackFile(backend, arg, log));
      if (sub === 'deployments' || sub === 'changes' || sub === 'incidents')
        return withBackend(config, (backend) => importFacts(backend, { kind: sub, file: arg }, log));

      return withBackend(config, (backend) =>
        importBackstage(
          backend,
          {
            target: arg,
            token: values.token ?? null,
            skipInvalid: values['skip-invalid'] ?? false,
            allowOutside: values['allow-outside'] ?? false,
          },
          log,
        ),
      );
    }
    case 'release': {
      if (!sub || !arg || !values.notes) throw new Error(releaseUsage);
      await mustExist(values.notes, 'a file');
      const args = {
        capability: sub,
        version: arg,
        notesFile: values.notes,
        type: values.type,
        title: values.title,
        date: values.date,
        closes: values.closes,
      };
      return withBackend(config, (backend) => releaseCommand(backend, args, log), { mustExist: true });
    }
    case 'scan':
      if (!sub) throw new Error('usage: paved scan <path> [--history]');
      await mustExist(sub, 'a directory');
      return withBackend(
        config,
        (backend) => scanCommand(backend, { path: sub, history: values.history ?? false }, log),
        { mustExist: true },
      );
    case 'reprocess':
      return withBackend(
        config,
        (backend) =>
          reprocessCommand(
            backend,
            {
              failed: values.failed ?? false,
              settings: {
                deployWorkflows: config.deployWorkflows,
                productionEnvironments: config.productionEnvironments,
                feedbackLabels: config.feedbackLabels,
              },
            },
            log,
          ),
        { mustExist: true },
      );
    case 'token':
      if (sub === 'create') {
        if (!values.name || (!values.role && !values.user))
          throw new Error(
            'usage: paved token create --role admin|member|viewer --name <name> (or --user <name|email>)',
          );
        const input = {
          name: values.name,
          role: values.role,
          scopes: values.scope ?? [],
          team: values.team,
          user: values.user,
        };
        checkTokenArgs(input);
        return withBackend(config, (backend) => tokenCreate(backend, input, log, config.auth));
      }
      if (sub === 'list') return withBackend(config, (backend) => tokenList(backend, log), { mustExist: true });
      if (sub === 'revoke') {
        const id = tokenId(arg);
        return withBackend(config, (backend) => tokenRevoke(backend, id, log), { mustExist: true });
      }
      throw new Error('usage: paved token create|list|revoke');
    case 'backup':
    case 'restore': {
      if (!sub) throw new Error(`usage: paved ${command} <file> [--force]`);
      const run = command === 'backup' ? backupCommand : restoreCommand;
      return run(config, { file: sub, force: values.force ?? false }, log);
    }
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
