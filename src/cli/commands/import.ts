import { resolve } from 'node:path';
import type { CatalogFile } from '../../modules/catalog/entity.js';
import { readCatalogTree } from '../../modules/catalog/read-catalog-tree.js';
import { fetchBackstageEntities } from '../../modules/imports/fetch-backstage.js';
import { runImport, type ImportResult } from '../../modules/imports/run-import.js';
import type { Backend } from '../backend.js';

export interface ImportArgs {
  target: string;
  token: string | null;
  skipInvalid: boolean;
}

async function load(args: ImportArgs): Promise<{ files: CatalogFile[]; source: string }> {
  if (/^https?:\/\//i.test(args.target)) {
    const base = args.target.replace(/\/+$/, '');
    return { files: await fetchBackstageEntities(base, args.token ?? process.env.PAVED_BACKSTAGE_TOKEN ?? null), source: `backstage:${base}` };
  }
  const path = resolve(args.target);
  return { files: await readCatalogTree(path), source: `file:${path}` };
}

export function printResult(result: ImportResult, log: (line: string) => void): void {
  const s = result.summary;
  if (result.status === 'rejected') {
    log(`Nothing imported: ${result.problems.length} invalid document(s).`);
    for (const p of result.problems) log(`  ${p}`);
  } else {
    log(`Imported from ${result.source}`);
    log(`  created ${s.created} · updated ${s.updated} · unchanged ${s.unchanged} · orphaned ${s.orphaned}${s.restored ? ` · restored ${s.restored}` : ''}`);
    if (result.problems.length) {
      log(`  invalid, not imported (${result.problems.length}):`);
      for (const p of result.problems) log(`    ${p}`);
    }
  }
  if (result.skipped.length) {
    log(`  skipped (${result.skipped.length}):`);
    for (const p of result.skipped) log(`    ${p}`);
  }
  if (result.warnings.length) {
    log(`  warnings (${result.warnings.length}):`);
    for (const w of result.warnings) log(`    ${w}`);
  }
}

/** Reads the catalog here, then imports it directly or through the running server. Exit code 1 when rejected. */
export async function importBackstage(backend: Backend, args: ImportArgs, log: (line: string) => void): Promise<number> {
  const { files, source } = await load(args);
  if (files.length === 0) {
    log(`No descriptor files found at ${args.target}`);
    return 1;
  }
  let result: ImportResult;
  if (backend.kind === 'direct') {
    result = await runImport(backend.db, { files, source, skipInvalid: args.skipInvalid, actor: 'cli' });
  } else {
    const response = await backend.request<ImportResult | { error: { code: string; message: string; details?: ImportResult } }>(
      'POST',
      '/api/v1/imports/backstage',
      { files, source, skipInvalid: args.skipInvalid },
    );
    const body = response.body;
    if ('error' in body) {
      if (body.error.code !== 'IMPORT_INVALID' || !body.error.details) throw new Error(body.error.message);
      result = body.error.details;
    } else {
      result = body;
    }
  }
  printResult(result, log);
  return result.status === 'rejected' ? 1 : 0;
}
