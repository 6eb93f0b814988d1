import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema/index.js';
import { runImport, type ImportResult } from '../imports/run-import.js';
import { generateDemoCatalog } from './generate-catalog.js';

export const DEMO_SOURCE = 'demo';

/**
 * Loads the demo organisation through the same import path a real catalog takes. Deterministic for a
 * seed, so running it again changes nothing. Later features add their demo data after this step.
 */
export async function seedDemo(db: Kysely<Database>, seed = 42): Promise<ImportResult> {
  const catalog = generateDemoCatalog(seed);
  const result = await runImport(db, { files: catalog.files, source: DEMO_SOURCE, skipInvalid: false, actor: 'demo' });
  if (result.status !== 'succeeded') {
    throw new Error(`the demo catalog did not import: ${result.problems.slice(0, 5).join('; ')}`);
  }
  return result;
}
