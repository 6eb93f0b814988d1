import { describe, expect, it } from 'vitest';
import { migrations } from '../db/migrations/index.js';
import { dataLines } from './data-line.js';

const all = Object.keys(migrations);
const embedded = { dataDir: '/srv/paved', databaseUrl: null };
const server = { dataDir: './.paved', databaseUrl: 'postgres://paved:s3cret@db.internal:5433/paved' };

describe('where a starting server says its data is', () => {
  it('says a new, empty database the same way for PostgreSQL as for the embedded database', () => {
    expect(dataLines(embedded, all, false)).toEqual([
      'Data: a new, empty database in /srv/paved.',
      '  Import a catalog on the Imports page or with `paved import backstage <path|url>`; if you meant an existing',
      '  database, stop and set PAVED_DATA_DIR to it.',
    ]);
    expect(dataLines(server, all, false)).toEqual([
      'Data: a new, empty database on the PostgreSQL server db.internal:5433/paved (DATABASE_URL).',
      '  Import a catalog on the Imports page or with `paved import backstage <path|url>`; if you meant an existing',
      '  database, stop and set DATABASE_URL to it.',
    ]);
    expect(dataLines(server, all, false).join('\n')).not.toContain('s3cret');
  });

  it('names an existing database plainly, also after an upgrade ran newer migrations, and a new demo as the demo', () => {
    expect(dataLines(server, [], false)).toEqual([
      'Data: the database on the PostgreSQL server db.internal:5433/paved (DATABASE_URL).',
    ]);
    expect(dataLines(embedded, all.slice(-1), false)).toEqual(['Data: the database in /srv/paved.']);
    expect(dataLines(embedded, all, true)).toEqual([
      'Data: a new database, with the demo organisation, in /srv/paved.',
    ]);
  });
});
