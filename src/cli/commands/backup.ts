import { existsSync } from 'node:fs';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { readLock } from '../../db/data-lock.js';
import { openDatabase } from '../../db/open-database.js';
import { checkBackup, restoreDataDir } from '../../db/restore-data-dir.js';
import { countByKind } from '../../modules/catalog/repo.js';
import type { Config } from '../../server/config.js';
import { whereIs, withBackend, type Backend } from '../backend.js';

const ON_SERVER =
  'with DATABASE_URL the data is on a PostgreSQL server: back it up with pg_dump and restore it with pg_restore (see "Backup and restore" in the README)';

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`;

async function snapshot(backend: Backend): Promise<Uint8Array> {
  if (backend.kind === 'direct') {
    if (!backend.dumpDataDir) throw new Error(ON_SERVER);
    return new Uint8Array(await (await backend.dumpDataDir()).arrayBuffer());
  }
  const response = await backend.download('/api/v1/backup');
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(`the Paved server at ${backend.url} made no backup: ${body?.error?.message ?? response.status}`);
  }
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * `paved backup <file>`: a consistent snapshot of the embedded database, from the running server (through its API)
 * or from the idle data directory. Written beside the file first, readable only by its user, then renamed, so a
 * failed backup never leaves half a file under the name.
 */
export async function backupCommand(config: Config, args: { file: string; force: boolean }, log: (l: string) => void) {
  if (config.databaseUrl) throw new Error(`paved backup is for the embedded database; ${ON_SERVER}`);
  const file = resolve(args.file);
  if (existsSync(file) && !args.force)
    throw new Error(`${file} exists; give another file, or add --force to replace it`);
  return withBackend(
    config,
    async (backend) => {
      const bytes = await snapshot(backend);
      const partial = `${file}.partial`;
      try {
        await writeFile(partial, bytes, { mode: 0o600 });
        await rename(partial, file);
      } finally {
        await rm(partial, { force: true });
      }
      log(`Backed up ${whereIs(backend)} into ${file} (${size(bytes.length)}).`);
      return 0;
    },
    { mustExist: true },
  );
}

/**
 * `paved restore <file>`: writes a backup into PAVED_DATA_DIR, which must hold no database (unless `force`) and no
 * running server; then opens it once, which brings its schema up to date.
 */
export async function restoreCommand(config: Config, args: { file: string; force: boolean }, log: (l: string) => void) {
  if (config.databaseUrl) throw new Error(`paved restore is for the embedded database; ${ON_SERVER}`);
  const file = resolve(args.file);
  if (!(await stat(file).catch(() => null))?.isFile()) throw new Error(`${file} does not exist (give a backup file)`);
  const holder = readLock(config.dataDir);
  if (holder)
    throw new Error(
      `${config.dataDir} is in use by ${holder.holder === 'server' ? `the Paved server${holder.url ? ` at ${holder.url}` : ''}` : 'another paved command'} (pid ${holder.pid}); stop it first, or restore into another PAVED_DATA_DIR`,
    );
  const bytes = await readFile(file);
  const problem = checkBackup(bytes);
  if (problem) throw new Error(`${file} ${problem}: give a file made by paved backup`);
  await restoreDataDir(config.dataDir, bytes, { force: args.force });
  const database = await openDatabase(config, 'cli');
  let entities: number;
  try {
    entities = (await countByKind(database.db)).reduce((sum, r) => sum + Number(r.n), 0);
  } finally {
    await database.close();
  }
  log(`Restored ${file} into the database in ${config.dataDir} (${entities} catalog entities).`);
  if (database.migrated.length > 0)
    log(
      `  Its schema was brought up to date: ${database.migrated.length} migration(s), up to ${database.migrated.at(-1)}.`,
    );
  return 0;
}
