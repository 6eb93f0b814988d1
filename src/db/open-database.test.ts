import { lstat, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './open-database.js';

let parent: string;
let umask: number;
beforeAll(async () => {
  parent = await mkdtemp(join(tmpdir(), 'paved-private-'));
  umask = process.umask(0o022);
});
afterAll(async () => {
  process.umask(umask);
  await rm(parent, { recursive: true, force: true });
});

/** Every path under root whose mode lets its group or others in, with that mode. */
async function notPrivate(root: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (path: string) => {
    const stats = await lstat(path);
    if (stats.isSymbolicLink()) return;
    if ((stats.mode & 0o077) !== 0) found.push(`${path.slice(root.length)} ${(stats.mode & 0o777).toString(8)}`);
    if (stats.isDirectory()) for (const entry of await readdir(path)) await walk(join(path, entry));
  };
  await walk(root);
  return found;
}

describe('the embedded data directory', () => {
  it(
    'is private to its user under umask 022: directories 0700, every file 0600, open and after closing',
    { timeout: 120_000 },
    async () => {
      const dataDir = join(parent, 'fresh', 'data');
      const database = await openDatabase({ dataDir, databaseUrl: null }, 'cli');
      try {
        await sql`create table private_check (id int)`.execute(database.db);
        expect(await notPrivate(dataDir)).toEqual([]);
        const files = await readdir(join(dataDir, 'db'), { recursive: true });
        expect(files.length).toBeGreaterThan(900);
        expect((await lstat(dataDir)).mode & 0o777).toBe(0o700);
        expect((await lstat(join(dataDir, 'db', 'global', 'pg_control'))).mode & 0o777).toBe(0o600);
      } finally {
        await database.close();
      }
      expect(await notPrivate(dataDir)).toEqual([]);
    },
  );
});
