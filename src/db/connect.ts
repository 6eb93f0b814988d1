import { mkdirSync } from 'node:fs';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.js';
import type { Database } from './schema/index.js';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /**
   * The embedded database's files as a gzipped tar (absent on a server): taken between two statements, it is
   * what a crash at that moment would leave, which PostgreSQL recovers to every committed transaction.
   */
  dumpDataDir?: () => Promise<Blob>;
}

export type ConnectOptions = { databaseUrl: string; max?: number } | { dataDir: string } | { pglite: PGlite };

const INT8_OID = 20;

/** Every embedded database is made here, so each has the extensions the migrations use. */
export function createPGlite(options: Omit<PGliteOptions, 'extensions'> = {}): Promise<PGlite> {
  return PGlite.create({ ...options, extensions: { pg_trgm } });
}

/**
 * The only place the two backends differ. int8 (ids, count(*)) comes back as a JS number on both;
 * JSON values are always passed as strings by the repos, so neither driver guesses.
 */
export async function connect(options: ConnectOptions): Promise<DatabaseHandle> {
  if ('databaseUrl' in options) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.max ?? 10,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === INT8_OID
            ? (value: string) => Number(value)
            : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    // An idle connection the server ends (a restart, an administrator) is dropped by the pool and the next query
    // opens a new one; without a listener, Node would end the whole process on that error.
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  let pglite: PGlite;
  let owned = false;
  if ('pglite' in options) {
    pglite = options.pglite;
  } else {
    mkdirSync(options.dataDir, { recursive: true });
    pglite = await createPGlite({ dataDir: options.dataDir });
    owned = true;
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    dumpDataDir: () => pglite.dumpDataDir('gzip'),
    close: async () => {
      await db.destroy();
      if (owned) await pglite.close();
    },
  };
}
