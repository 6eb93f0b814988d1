import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connect, createPGlite } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    serverDatabaseUrl: string;
  }
}

/**
 * Migrates one PGlite and dumps it, so each test file starts from a copy in about a second instead of
 * creating and migrating its own. With TEST_DATABASE_URL, creates one fresh server database per run.
 */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(join(tmpdir(), 'paved-test-'));
  const pglite = await createPGlite();
  const handle = await connect({ pglite });
  await migrateToLatest(handle.db as never);
  const dump = await pglite.dumpDataDir('none');
  const path = join(dir, 'template.tar');
  await writeFile(path, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  await pglite.close();
  project.provide('pgliteTemplate', path);

  let dropServerDb: (() => Promise<void>) | null = null;
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `paved_test_${Date.now()}_${process.pid}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    project.provide('serverDatabaseUrl', url.toString());
    dropServerDb = async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    };
  } else {
    project.provide('serverDatabaseUrl', '');
  }

  return async () => {
    await rm(dir, { recursive: true, force: true });
    await dropServerDb?.();
  };
}
