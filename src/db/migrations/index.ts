import type { Migration } from 'kysely';
import * as m0001 from './0001-catalog.js';
import * as m0002 from './0002-adoption.js';

/** Every migration, in order. Names are frozen. */
export const migrations: Record<string, Migration> = {
  '0001-catalog': m0001,
  '0002-adoption': m0002,
};
