import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/schema/index.js';
import { openDatabase } from '../db/open-database.js';
import { createRegistry } from '../jobs/registry.js';
import { JobRunner } from '../jobs/runner.js';
import { silentLogger } from '../http/logger.js';
import { createToken } from '../modules/auth/service.js';
import { readCatalogTree } from '../modules/catalog/read-catalog-tree.js';
import { createDeliveryWriter } from '../modules/inbox/delivery-writer.js';
import { deriveDeliveryJob } from '../modules/inbox/derive-job.js';
import { runImport } from '../modules/imports/run-import.js';
import { loadConfig, type Config } from '../server/config.js';
import { startServer } from '../server/main.js';
import { backupCommand, restoreCommand } from './commands/backup.js';

// Several embedded databases are created, opened and restored here: slow on a busy machine.
const SLOW = 240_000;
let dir: string;
let source: Config;

const configFor = (name: string): Config => ({
  ...loadConfig({}),
  dataDir: join(dir, name),
  port: 0,
  databaseUrl: null,
});

function capture() {
  const lines: string[] = [];
  return { lines, log: (l: string) => lines.push(l) };
}

/** Every table's row count and a checksum of its rows, in table order. */
async function contents(db: Kysely<Database>) {
  const { rows: tables } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const { name } of tables) {
    const { rows } = await sql<{ rows: number; md5: string }>`
      select count(*)::int as rows, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as md5
      from ${sql.table(name)} t`.execute(db);
    out[name] = rows[0] as { rows: number; md5: string };
  }
  return out;
}

async function read<T>(config: Config, reader: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const database = await openDatabase(config, 'cli');
  try {
    return await reader(database.db);
  } finally {
    await database.close();
  }
}

const push = (id: string, sha: string) => ({
  source: 'github' as const,
  deliveryId: id,
  event: 'push',
  headers: {},
  body: JSON.stringify({
    ref: 'refs/heads/main',
    repository: { full_name: 'acme/ledger', default_branch: 'main' },
    commits: [{ id: sha, timestamp: '2026-05-01T10:00:00Z' }],
  }),
  integrationId: null,
  ignored: null,
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paved-backup-'));
  source = configFor('source');
  // A seeded database: a catalog, tokens, webhook deliveries and the facts derived from them, finished jobs.
  await read(source, async (db) => {
    const files = await readCatalogTree(new URL('../../test/fixtures/catalog/acme', import.meta.url).pathname, {
      allowOutside: true,
    });
    await runImport(db, { files, source: 'git:acme', skipInvalid: false, actor: 'test' });
    await createToken(db, { name: 'ci-bot', role: 'viewer' });
    const writer = createDeliveryWriter(db);
    await Promise.all([writer.write(push('d-1', 'a'.repeat(40))), writer.write(push('d-2', 'b'.repeat(40)))]);
    await new JobRunner(db, createRegistry([deriveDeliveryJob(db)]), silentLogger).drain();
  });
}, SLOW);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('paved backup and paved restore', () => {
  it(
    'backs up a running server through its API and restores every row into a fresh data directory',
    { timeout: SLOW },
    async () => {
      const server = await startServer({ config: source, logger: silentLogger });
      let before: Awaited<ReturnType<typeof contents>>;
      const file = join(dir, 'while-running.tar.gz');
      const out = capture();
      try {
        // A write while it runs is in the backup.
        await createToken(server.database.db, { name: 'while-running', role: 'member' });
        expect(await backupCommand(source, { file, force: false }, out.log)).toBe(0);
        // The backup's own request marked the CLI token used before the snapshot; nothing changed since.
        before = await contents(server.database.db);
        expect(before.api_tokens?.rows).toBe(4);
      } finally {
        await server.stop();
      }
      expect(out.lines).toEqual([
        expect.stringMatching(
          new RegExp(`^Backed up the Paved server at ${server.url} into ${file} \\(\\d+(\\.\\d)? [kM]B\\)\\.$`),
        ),
      ]);
      expect(before.entities?.rows).toBeGreaterThan(10);
      expect(before.deliveries?.rows).toBe(2);
      expect(before.changes?.rows).toBe(2);

      const fresh = configFor('restored-from-server');
      const restored = capture();
      expect(await restoreCommand(fresh, { file, force: false }, restored.log)).toBe(0);
      expect(restored.lines).toEqual([
        `Restored ${file} into the database in ${fresh.dataDir} (${before.entities?.rows} catalog entities).`,
      ]);
      expect(await read(fresh, contents)).toEqual(before);
    },
  );

  it(
    'backs up an idle data directory directly, and restores it only into an empty one unless --force',
    { timeout: SLOW },
    async () => {
      const file = join(dir, 'idle.tar.gz');
      const out = capture();
      expect(await backupCommand(source, { file, force: false }, out.log)).toBe(0);
      expect(out.lines[0]).toMatch(new RegExp(`^Backed up the database in ${source.dataDir} into ${file} \\(`));
      const expected = await read(source, contents);
      await expect(backupCommand(source, { file, force: false }, () => {})).rejects.toThrow(
        `${file} exists; give another file, or add --force to replace it`,
      );

      // Into the source itself, which holds a database: refused, and nothing changes.
      await expect(restoreCommand(source, { file, force: false }, () => {})).rejects.toThrow(
        `${source.dataDir} already holds a database; restore into a new directory, or add --force to replace it`,
      );
      expect(await read(source, contents)).toEqual(expected);

      const fresh = configFor('restored-idle');
      expect(await restoreCommand(fresh, { file, force: false }, () => {})).toBe(0);
      expect(await read(fresh, contents)).toEqual(expected);
      // Replaced with --force: a token issued after the backup is gone again.
      await read(fresh, (db) => createToken(db, { name: 'after-the-backup', role: 'viewer' }));
      expect(await restoreCommand(fresh, { file, force: true }, () => {})).toBe(0);
      expect(await read(fresh, contents)).toEqual(expected);
      // Private to its user, as any data directory.
      expect((await readdir(fresh.dataDir)).sort()).toEqual(['db']);
    },
  );

  it('refuses a file that is no backup, and sends PostgreSQL users to pg_dump and pg_restore', async () => {
    const notBackup = join(dir, 'notes.txt');
    await writeFile(notBackup, 'hello');
    await expect(restoreCommand(configFor('never'), { file: notBackup, force: false }, () => {})).rejects.toThrow(
      `${notBackup} is not a gzip file: give a file made by paved backup`,
    );
    const server = { ...configFor('pg'), databaseUrl: 'postgres://db.internal/paved' };
    await expect(backupCommand(server, { file: join(dir, 'x.tar.gz'), force: false }, () => {})).rejects.toThrow(
      'paved backup is for the embedded database; with DATABASE_URL the data is on a PostgreSQL server: back it up with pg_dump and restore it with pg_restore',
    );
    await expect(restoreCommand(server, { file: notBackup, force: false }, () => {})).rejects.toThrow(
      'paved restore is for the embedded database; with DATABASE_URL the data is on a PostgreSQL server: back it up with pg_dump and restore it with pg_restore',
    );
  });
});
