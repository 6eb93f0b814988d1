import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { connect, createPGlite, type DatabaseHandle } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';

export interface TestDatabase extends DatabaseHandle {
  /** Which backend this run tests: PGlite by default, the server when TEST_DATABASE_URL is set. */
  backend: 'pglite' | 'postgres';
}

/** A fresh, migrated database for one test file. Close it in afterAll. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = inject('serverDatabaseUrl');
  if (serverUrl) {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const handle = await connect({ databaseUrl: url.toString(), max: 4 });
    await migrateToLatest(handle.db as never, schema);
    return {
      ...handle,
      backend: 'postgres',
      close: async () => {
        await handle.close();
        const client = new pg.Client({ connectionString: serverUrl });
        await client.connect();
        await client.query(`drop schema ${schema} cascade`);
        await client.end();
      },
    };
  }
  const template = await readFile(inject('pgliteTemplate'));
  const pglite = await createPGlite({ loadDataDir: new Blob([template]) });
  const handle = await connect({ pglite });
  return {
    ...handle,
    backend: 'pglite',
    close: async () => {
      await handle.close();
      await pglite.close();
    },
  };
}
