import type { DatabaseLocation } from '../db/open-database.js';
import { migrations } from '../db/migrations/index.js';

const FIRST_MIGRATION = Object.keys(migrations)[0] ?? '';

/** A PostgreSQL URL without its password: host, port and database. */
function serverOf(databaseUrl: string): string {
  try {
    const u = new URL(databaseUrl);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

/**
 * Where a starting server keeps its data, and whether it just created that database (its first migration ran in
 * this start), the same way for the embedded database and a PostgreSQL server: a new, empty database is rarely
 * what someone restarting Paved meant.
 */
export function dataLines(location: DatabaseLocation, migrated: string[], demo: boolean): string[] {
  const fresh = migrated.includes(FIRST_MIGRATION);
  const where = location.databaseUrl
    ? `on the PostgreSQL server ${serverOf(location.databaseUrl)} (DATABASE_URL)`
    : `in ${location.dataDir}`;
  const what = !fresh ? 'the database' : demo ? 'a new database, with the demo organisation,' : 'a new, empty database';
  const lines = [`Data: ${what} ${where}.`];
  if (fresh && !demo)
    lines.push(
      '  Import a catalog on the Imports page or with `paved import backstage <path|url>`; if you meant an existing',
      `  database, stop and set ${location.databaseUrl ? 'DATABASE_URL' : 'PAVED_DATA_DIR'} to it.`,
    );
  return lines;
}
