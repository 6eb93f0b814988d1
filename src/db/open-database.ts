import { join } from 'node:path';
import { connect, type DatabaseHandle } from './connect.js';
import { migrateToLatest } from './migrate.js';
import { acquireLock, type LockInfo } from './data-lock.js';
import { makePrivateDir, makeTreePrivate } from './private-files.js';

export interface OpenDatabase extends DatabaseHandle {
  /** Lets a server advertise its URL and CLI token in the lock (embedded database only). */
  advertise(more: Partial<LockInfo>): void;
  /** The migrations this open applied (`paved migrate` reports them). */
  migrated: string[];
}

export class DataDirInUse extends Error {
  constructor(readonly holder: LockInfo) {
    super(
      `the data directory is in use by ${holder.holder === 'server' ? 'a Paved server' : 'another paved command'} (pid ${holder.pid})`,
    );
  }
}

/** Opens the configured database, locking the data directory when it is the embedded one, and migrates it. */
/** Where the data lives: a PostgreSQL server, else the embedded database under `dataDir`. */
export interface DatabaseLocation {
  dataDir: string;
  databaseUrl: string | null;
}

export async function openDatabase(config: DatabaseLocation, holder: 'server' | 'cli'): Promise<OpenDatabase> {
  if (config.databaseUrl) {
    const handle = await connect({ databaseUrl: config.databaseUrl });
    const migrated = await migrateToLatest(handle.db as never);
    return { ...handle, migrated, advertise: () => {} };
  }
  // The database's files, the lock's CLI token and the demo's admin token are for this user only.
  makePrivateDir(config.dataDir);
  const lock = acquireLock(config.dataDir, { holder });
  if ('heldBy' in lock) throw new DataDirInUse(lock.heldBy);
  try {
    makePrivateDir(join(config.dataDir, 'db'));
    const handle = await connect({ dataDir: join(config.dataDir, 'db') });
    const migrated = await migrateToLatest(handle.db as never);
    await makeTreePrivate(config.dataDir);
    return {
      ...handle,
      migrated,
      advertise: lock.update,
      close: async () => {
        await handle.close();
        await makeTreePrivate(config.dataDir).catch(() => {});
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
