import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createPGlite } from './connect.js';
import { acquireLock } from './data-lock.js';
import { DataDirInUse } from './open-database.js';
import { makePrivateDir, makeTreePrivate } from './private-files.js';

/** Why a file is not a backup of an embedded database, or null when it is one. */
export function checkBackup(bytes: Uint8Array): string | null {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return 'is not a gzip file';
  let tar: Buffer;
  try {
    tar = gunzipSync(bytes);
  } catch {
    return 'is not a complete gzip file';
  }
  // A tar header starts with the entry's name; a PostgreSQL data directory has PG_VERSION at its top.
  for (let offset = 0; offset + 512 <= tar.length; offset += 512) {
    const name = tar
      .subarray(offset, offset + 100)
      .toString('latin1')
      .replace(/\0.*$/s, '');
    if (/^(?:\.?\/)?(?:[^/]+\/)?PG_VERSION$/.test(name)) return null;
  }
  return 'holds no PostgreSQL data directory';
}

/**
 * Writes a backup (`dumpDataDir`'s gzipped tar) into `dataDir`'s database folder, holding the directory's lock.
 * Refuses a directory that already holds a database unless `force`, which deletes that database first.
 */
export async function restoreDataDir(dataDir: string, backup: Uint8Array, options: { force: boolean }) {
  makePrivateDir(dataDir);
  const lock = acquireLock(dataDir, { holder: 'cli' });
  if ('heldBy' in lock) throw new DataDirInUse(lock.heldBy);
  try {
    const folder = join(dataDir, 'db');
    if (existsSync(folder) && readdirSync(folder).length > 0) {
      if (!options.force)
        throw new Error(
          `${dataDir} already holds a database; restore into a new directory, or add --force to replace it`,
        );
      rmSync(folder, { recursive: true, force: true });
    }
    makePrivateDir(folder);
    const blob = new Blob([new Uint8Array(backup)], { type: 'application/x-gzip' });
    const pglite = await createPGlite({ dataDir: folder, loadDataDir: blob });
    await pglite.close();
    await makeTreePrivate(dataDir);
  } finally {
    lock.release();
  }
}
