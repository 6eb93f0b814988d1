import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../server/config.js';
import { readLock } from '../db/data-lock.js';
import { silentLogger } from '../http/logger.js';
import { startServer, type RunningServer } from '../server/main.js';
import { DataDirInUse, openDatabase } from '../db/open-database.js';
import { withBackend } from './backend.js';
import { importBackstage } from './commands/import.js';
import { tokenCreate } from './commands/token.js';

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

describe('CLI commands on the embedded database', () => {
  it('imports directly when no server runs, and reports what changed', async () => {
    const out = capture();
    const code = await withBackend(config, (backend) => {
      expect(backend.kind).toBe('direct');
      return importBackstage(backend, { target: catalogDir, token: null, skipInvalid: false }, out.log);
    });
    expect(code).toBe(0);
    expect(out.lines[1]).toBe('  created 2 · updated 0 · unchanged 0 · orphaned 0');
    expect(readLock(config.dataDir)).toBeNull();
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
    expect(out.lines).toContain('  catalog-info.yaml:2: spec.owner: is required');
    const database = await openDatabase(config, 'cli');
    const rows = await database.db.selectFrom('entities').select(['ref', 'status']).orderBy('ref').execute();
    await database.close();
    expect(rows).toEqual([
      { ref: 'component:default/ledger', status: 'active' },
      { ref: 'group:default/payments', status: 'active' },
    ]);
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
      expect(out.lines[1]).toBe('  created 1 · updated 0 · unchanged 2 · orphaned 0');
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
      expect(await res.json()).toEqual({ name: 'ci-bot', role: 'viewer', via: 'token', team: null });
      const rows = await server.database.db.selectFrom('api_tokens').select('token_hash').execute();
      expect(rows.some((r) => r.token_hash.includes(secret))).toBe(false);
    });
  });

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
