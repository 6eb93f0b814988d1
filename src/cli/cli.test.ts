import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, realpath, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../server/config.js';
import { readLock } from '../db/data-lock.js';
import { silentLogger } from '../http/logger.js';
import { startServer, type RunningServer } from '../server/main.js';
import { DataDirInUse, openDatabase } from '../db/open-database.js';
import { cliActor, withBackend } from './backend.js';
import { importBackstage } from './commands/import.js';
import { scanCommand } from './commands/scan.js';
import { tokenCreate, tokenList } from './commands/token.js';

// These tests exercise the embedded database's single-process rule, so they use a data directory of their own.
let dir: string;
let catalogDir: string;
let config: Config;

const group = (name: string) => `apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: ${name} }
spec: { type: team, children: [] }
`;
const component = (name: string, owner: string) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: ${name} }
spec: { type: service, lifecycle: production, owner: ${owner} }
`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paved-cli-'));
  catalogDir = join(dir, 'catalog');
  await mkdir(catalogDir);
  await writeFile(join(catalogDir, 'catalog-info.yaml'), `${group('payments')}---\n${component('ledger', 'payments')}`);
  config = { ...loadConfig({}), dataDir: join(dir, 'data'), port: 0, databaseUrl: null };
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function capture() {
  const lines: string[] = [];
  return { lines, log: (l: string) => lines.push(l) };
}

const importInto = (target: string, log: (l: string) => void, skipInvalid = false) =>
  withBackend(config, (backend) => importBackstage(backend, { target, token: null, skipInvalid }, log));

async function readDatabase<T>(read: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>) {
  const database = await openDatabase(config, 'cli');
  try {
    return await read(database.db);
  } finally {
    await database.close();
  }
}

describe('CLI commands on the embedded database', () => {
  it('refuses to list or revoke tokens where there is no database, and creates none', async () => {
    await expect(withBackend(config, (backend) => tokenList(backend, () => {}), { mustExist: true })).rejects.toThrow(
      `there is no Paved database in ${config.dataDir} (PAVED_DATA_DIR, ./.paved by default) and no Paved server running on it`,
    );
    expect(existsSync(config.dataDir)).toBe(false);
  });

  it('imports directly when no server runs, says where, and says when it made a new database for it', async () => {
    const out = capture();
    const code = await withBackend(config, (backend) => {
      expect(backend.kind).toBe('direct');
      return importBackstage(backend, { target: catalogDir, token: null, skipInvalid: false }, out.log);
    });
    expect(code).toBe(0);
    expect(out.lines).toEqual([
      `Imported from file:${catalogDir} into a new, empty database in ${config.dataDir}`,
      '  created 2 · updated 0 · unchanged 0 · orphaned 0',
      `Note: there was no database in ${config.dataDir} (PAVED_DATA_DIR, ./.paved by default) and no Paved server`,
      '  running on it, so this command created one. If your Paved server uses another directory, run the command',
      '  again with PAVED_DATA_DIR set to that directory (or DATABASE_URL for a PostgreSQL server).',
    ]);
    expect(readLock(config.dataDir)).toBeNull();
    // Credited to the person who ran it.
    const records = await readDatabase((db) => db.selectFrom('imports').select(['requested_by', 'source']).execute());
    expect(records).toEqual([{ requested_by: cliActor(), source: `file:${catalogDir}` }]);
    expect(cliActor()).toMatch(/^cli:[\w.@-]+$/);
  });

  it('finds nothing changed when the same file comes again, on its own or with its folder', async () => {
    const asFile = capture();
    expect(await importInto(join(catalogDir, 'catalog-info.yaml'), asFile.log)).toBe(0);
    expect(asFile.lines).toEqual([
      `Imported from file:${join(catalogDir, 'catalog-info.yaml')} into the database in ${config.dataDir}`,
      '  created 0 · updated 0 · unchanged 2 · orphaned 0',
    ]);
    const asFolder = capture();
    expect(await importInto(catalogDir, asFolder.log)).toBe(0);
    expect(asFolder.lines[1]).toBe('  created 0 · updated 0 · unchanged 2 · orphaned 0');
    const events = await readDatabase((db) => db.selectFrom('entity_events').select('action').execute());
    expect(events.map((e) => e.action)).toEqual(['created', 'created']);
  });

  it('exits 1 from a scan of a folder that holds no git repository, saying so', async () => {
    const out = capture();
    expect(
      await withBackend(config, (backend) => scanCommand(backend, { path: catalogDir, history: false }, out.log)),
    ).toBe(1);
    expect(out.lines.at(0)).toBe(
      `Scanned 0 repositories into the database in ${config.dataDir}: 0 read, 0 unchanged since the last scan, 0 failed.`,
    );
    expect(out.lines.at(-1)).toBe(
      `No git repository in ${catalogDir} or its subfolders: give a repository or a folder of them.`,
    );
  });

  it('names a path that does not exist', async () => {
    const missing = join(dir, 'no-such-catalog.yaml');
    await expect(importInto(missing, () => {})).rejects.toThrow(`${missing} does not exist (give a file or directory)`);
  });

  it('exits 1 and changes nothing when a document is invalid', async () => {
    const bad = join(dir, 'bad');
    await mkdir(bad);
    await writeFile(
      join(bad, 'catalog-info.yaml'),
      `${component('ledger', 'payments')}---\n${component('no-owner', 'x').replace('owner: x', '')}`,
    );
    const out = capture();
    const code = await withBackend(config, (backend) =>
      importBackstage(backend, { target: bad, token: null, skipInvalid: false }, out.log),
    );
    expect(code).toBe(1);
    expect(out.lines).toEqual([
      `Nothing imported into the database in ${config.dataDir}: 1 invalid document, 1 problem.`,
      '  catalog-info.yaml:2: spec.owner: is required',
    ]);
    // One document with three problems is one invalid document.
    await writeFile(
      join(bad, 'catalog-info.yaml'),
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: Bad_Name! }\nspec: { type: service }\n',
    );
    const three = capture();
    expect(await importInto(bad, three.log)).toBe(1);
    expect(three.lines[0]).toBe(
      `Nothing imported into the database in ${config.dataDir}: 1 invalid document, 3 problems.`,
    );
    expect(three.lines).toHaveLength(4);
    const database = await openDatabase(config, 'cli');
    const rows = await database.db.selectFrom('entities').select(['ref', 'status']).orderBy('ref').execute();
    await database.close();
    expect(rows).toEqual([
      { ref: 'component:default/ledger', status: 'active' },
      { ref: 'group:default/payments', status: 'active' },
    ]);
  });

  it('refuses Location targets outside the imported tree, naming them, unless --allow-outside', async () => {
    const repo = join(dir, 'cloned');
    await mkdir(join(repo, 'catalog'), { recursive: true });
    await writeFile(join(repo, 'secret.yaml'), group('not-in-the-tree'));
    const location = (target: string) =>
      `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata: { name: all }\nspec: { targets: ["${target}"] }\n`;
    await writeFile(join(repo, 'catalog', 'all.yaml'), location('../secret.yaml'));
    const out = capture();
    const refused = await withBackend(config, (backend) =>
      importBackstage(backend, { target: join(repo, 'catalog'), token: null, skipInvalid: false }, out.log),
    );
    expect(refused).toBe(1);
    expect(out.lines).toEqual([
      `Nothing imported into the database in ${config.dataDir}: 1 file outside ${await realpath(join(repo, 'catalog'))} refused (--allow-outside reads them):`,
      `  ${join(repo, 'secret.yaml')} (target ../secret.yaml of the Location in all.yaml)`,
    ]);
    const allowed = capture();
    const code = await withBackend(config, (backend) =>
      importBackstage(
        backend,
        { target: join(repo, 'catalog'), token: null, skipInvalid: false, allowOutside: true },
        allowed.log,
      ),
    );
    expect(code).toBe(0);
    expect(allowed.lines[1]).toBe('  created 1 · updated 0 · unchanged 0 · orphaned 0');
    const refs = await readDatabase((db) => db.selectFrom('entities').select('ref').orderBy('ref').execute());
    expect(refs.map((r) => r.ref)).toContain('group:default/not-in-the-tree');
  });

  describe('while a server holds the data directory', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startServer({ config, logger: silentLogger });
    });
    afterAll(() => server.stop());

    it('refuses to open the files a second time', async () => {
      await expect(openDatabase(config, 'cli')).rejects.toBeInstanceOf(DataDirInUse);
    });

    it('sends the import through the server API, and re-importing changes nothing', async () => {
      await writeFile(join(catalogDir, 'more.yaml'), component('payouts', 'payments'));
      const out = capture();
      const code = await withBackend(config, (backend) => {
        expect(backend.kind).toBe('api');
        return importBackstage(backend, { target: catalogDir, token: null, skipInvalid: false }, out.log);
      });
      expect(code).toBe(0);
      expect(out.lines).toEqual([
        `Imported from file:${catalogDir} into the Paved server at ${server.url}`,
        '  created 1 · updated 0 · unchanged 2 · orphaned 0',
      ]);
      // Credited to the person who ran the command, not to the server's local CLI token.
      const record = await server.database.db
        .selectFrom('imports')
        .select('requested_by')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(record.requested_by).toBe(cliActor());
      const created = await server.database.db
        .selectFrom('entity_events')
        .select(['action', 'actor'])
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(created).toEqual({ action: 'created', actor: cliActor() });
      const again = capture();
      await withBackend(config, (backend) =>
        importBackstage(backend, { target: catalogDir, token: null, skipInvalid: false }, again.log),
      );
      expect(again.lines[1]).toBe('  created 0 · updated 0 · unchanged 3 · orphaned 0');
    });

    it('issues tokens through the server, shown once', async () => {
      const out = capture();
      await withBackend(config, (backend) =>
        tokenCreate(backend, { name: 'ci-bot', role: 'viewer', scopes: [] }, out.log),
      );
      const secret = out.lines[1] ?? '';
      expect(secret).toMatch(/^pvd_/);
      const res = await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${secret}` } });
      expect(await res.json()).toEqual({
        name: 'ci-bot',
        role: 'viewer',
        orgAdmin: false,
        person: null,
        teams: [],
        via: 'token',
        displayName: null,
        email: null,
      });
      const rows = await server.database.db.selectFrom('api_tokens').select('token_hash').execute();
      expect(rows.some((r) => r.token_hash.includes(secret))).toBe(false);
      expect(out.lines[0]).toMatch(/^Token \d+ "ci-bot" \(viewer\) created in the Paved server at http:/);
    });

    it('lists tokens under a header, with their team and who issued them', async () => {
      await withBackend(config, (backend) =>
        tokenCreate(backend, { name: 'payments-dev', role: 'member', scopes: [], team: 'payments' }, () => {}),
      );
      const out = capture();
      await withBackend(config, (backend) => tokenList(backend, out.log));
      expect(out.lines[0]).toBe(`Tokens in the Paved server at ${server.url}:`);
      expect(out.lines[1]?.split(/\s{2,}/)).toEqual([
        'ID',
        'NAME',
        'ROLE',
        'TEAM',
        'SCOPES',
        'STATUS',
        'CREATED BY',
        'LAST USED',
      ]);
      const row = (name: string) =>
        out.lines
          .slice(2)
          .map((l) => l.split(/\s{2,}/))
          .find((cells) => cells[1] === name);
      expect(row('payments-dev')?.slice(1, 7)).toEqual([
        'payments-dev',
        'member',
        'group:default/payments',
        '-',
        'active',
        cliActor(),
      ]);
      expect(row('payments-dev')?.[7]).toBe('never');
      expect(row('local-cli')?.slice(2, 7)).toEqual(['admin', '-', '-', 'active', 'server']);
    });
  });

  it('as a command: a missing path is named on stderr, exits 1, and creates no database', async () => {
    const run = promisify(execFile);
    const elsewhere = join(dir, 'never-created');
    const bin = new URL('../../bin/paved.js', import.meta.url).pathname;
    const failed = await run(process.execPath, [bin, 'import', 'backstage', join(dir, 'nope.yaml')], {
      env: { ...process.env, PAVED_DATA_DIR: elsewhere, DATABASE_URL: '' },
    }).then(
      () => null,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failed).toMatchObject({
      code: 1,
      stdout: '',
      stderr: `paved: ${join(dir, 'nope.yaml')} does not exist (give a file or directory)\n`,
    });
    expect(existsSync(elsewhere)).toBe(false);
  }, 60_000);

  it('as a command: an unknown option is named plainly, with where the options are listed', async () => {
    const run = promisify(execFile);
    const bin = new URL('../../bin/paved.js', import.meta.url).pathname;
    const failed = await run(process.execPath, [bin, 'import', 'backstage', '--bogus', 'x'], {
      env: { ...process.env, PAVED_DATA_DIR: join(dir, 'never-created'), DATABASE_URL: '' },
    }).then(
      () => null,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failed).toMatchObject({
      code: 1,
      stdout: '',
      stderr: "paved: unknown option --bogus; `paved --help` lists each command's options\n",
    });
  }, 60_000);

  it('after the server stops, its CLI token is revoked and the lock released', async () => {
    expect(readLock(config.dataDir)).toBeNull();
    const database = await openDatabase(config, 'cli');
    const cli = await database.db
      .selectFrom('api_tokens')
      .select(['revoked_at'])
      .where('name', '=', 'local-cli')
      .execute();
    await database.close();
    expect(cli.length).toBe(1);
    expect(cli[0]?.revoked_at).not.toBeNull();
  });
});
