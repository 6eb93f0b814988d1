import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema/index.js';
import type { ApplySummary } from '../src/modules/catalog/apply-entities.js';
import { readCatalogTree } from '../src/modules/catalog/read-catalog-tree.js';
import { countByKind } from '../src/modules/catalog/repo.js';
import { runImport } from '../src/modules/imports/run-import.js';
import type { GeneratedCatalog } from './generate-large-catalog.js';

export interface ImportTiming {
  /** Reading the files, parsing, validating, writing, and a count that shows every entity is queryable. */
  totalMs: number;
  readMs: number;
  /** runImport: parse, validate, check references, write, commit. */
  importMs: number;
  entities: number;
  warnings: number;
  summary: ApplySummary;
}

/**
 * Imports the directory the way `paved import <dir>` does and checks the outcome: the first run must create
 * every entity, a second run of the same files must find them all unchanged.
 */
export async function timedImport(
  db: Kysely<Database>,
  dir: string,
  catalog: GeneratedCatalog,
  run: 'first' | 'again',
): Promise<ImportTiming> {
  const { groups, users, services, capabilities } = catalog.scale;
  const expected = groups + users + services + capabilities;
  const started = performance.now();
  const files = await readCatalogTree(dir);
  const read = performance.now();
  const result = await runImport(db, { files, source: `bench:${dir}`, skipInvalid: false, actor: 'bench' });
  const imported = performance.now();
  const counts = await countByKind(db);
  const totalMs = performance.now() - started;

  if (result.status !== 'succeeded') throw new Error(`import rejected: ${result.problems.slice(0, 5).join('; ')}`);
  if (files.length !== catalog.files) throw new Error(`read ${files.length} files, wrote ${catalog.files}`);
  const active = (kind: string) =>
    counts.filter((c) => c.kind === kind && c.status === 'active').reduce((s, c) => s + c.n, 0);
  const stored = {
    Group: active('Group'),
    User: active('User'),
    Component: active('Component'),
    Capability: active('Capability'),
  };
  const wanted = { Group: groups, User: users, Component: services, Capability: capabilities };
  if (JSON.stringify(stored) !== JSON.stringify(wanted)) {
    throw new Error(`stored ${JSON.stringify(stored)}, expected ${JSON.stringify(wanted)}`);
  }
  const { summary } = result;
  const ok =
    run === 'first'
      ? summary.created === expected
      : summary.unchanged === expected && summary.created + summary.updated === 0;
  if (!ok) throw new Error(`${run} import: unexpected summary ${JSON.stringify(summary)}`);

  return {
    totalMs,
    readMs: read - started,
    importMs: imported - read,
    entities: expected,
    warnings: result.warnings.length,
    summary,
  };
}
