import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CatalogFile } from '../../modules/catalog/entity.js';
import { OutsideTree, readCatalogTree } from '../../modules/catalog/read-catalog-tree.js';
import { fetchBackstageEntities } from '../../connectors/backstage/fetch-entities.js';
import { runImport, type ImportResult } from '../../modules/imports/run-import.js';
import { MAX_BATCH, type BatchResult } from '../../modules/delivery/contract.js';
import {
  ingestChanges,
  ingestDeployments,
  ingestIncidents,
  missingServices,
  recordBatch,
  serviceRefOf,
} from '../../modules/delivery/facts/ingest.js';
import { FACT_SCHEMAS, readFactsFile, type FactKind } from '../../modules/delivery/facts/read-facts-file.js';
import { actor } from '../../modules/audit/actor.js';
import { cliActor, newDatabaseNote, whereIs, type Backend } from '../backend.js';

export interface ImportArgs {
  target: string;
  token: string | null;
  skipInvalid: boolean;
  /** Follow Location targets and symbolic links that lead outside the imported tree. */
  allowOutside?: boolean;
}

async function load(args: ImportArgs): Promise<{ files: CatalogFile[]; source: string }> {
  if (/^https?:\/\//i.test(args.target)) {
    const base = args.target.replace(/\/+$/, '');
    return {
      // The person at the shell reaches their own network anyway: a Backstage on localhost is fine here.
      files: await fetchBackstageEntities(base, args.token ?? process.env.PAVED_BACKSTAGE_TOKEN ?? null, {
        allowPrivate: true,
      }),
      source: `backstage:${base}`,
    };
  }
  const path = resolve(args.target);
  await mustExist(args.target, 'a file or directory');
  const files = await readCatalogTree(path, { allowOutside: args.allowOutside === true });
  return { files, source: `file:${path}` };
}

/** A path the command is about to read, checked first so that a typo is named plainly rather than as ENOENT. */
export async function mustExist(path: string, what: 'a file' | 'a directory' | 'a file or directory'): Promise<void> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new Error(`${path} does not exist (give ${what})`, { cause: error });
    if (code === 'EACCES') throw new Error(`${path} cannot be read: permission denied`, { cause: error });
    throw error;
  }
  if (what === 'a file' && !info.isFile()) throw new Error(`${path} is not a file`);
  if (what === 'a directory' && !info.isDirectory()) throw new Error(`${path} is not a directory`);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Documents, then problems: one document may have several. */
const invalidCount = (result: ImportResult) =>
  `${plural(result.summary.invalid, 'invalid document')}, ${plural(result.problems.length, 'problem')}`;

export function printResult(result: ImportResult, where: string, log: (line: string) => void): void {
  const s = result.summary;
  if (result.status === 'rejected') {
    log(`Nothing imported into ${where}: ${invalidCount(result)}.`);
    for (const p of result.problems) log(`  ${p}`);
  } else {
    log(`Imported from ${result.source} into ${where}`);
    log(
      `  created ${s.created} · updated ${s.updated} · unchanged ${s.unchanged} · orphaned ${s.orphaned}${s.restored ? ` · restored ${s.restored}` : ''}`,
    );
    if (result.problems.length) {
      log(`  not imported (${invalidCount(result)}):`);
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
export async function importBackstage(
  backend: Backend,
  args: ImportArgs,
  log: (line: string) => void,
): Promise<number> {
  let loaded: Awaited<ReturnType<typeof load>>;
  try {
    loaded = await load(args);
  } catch (error) {
    if (!(error instanceof OutsideTree)) throw error;
    // A catalog from elsewhere (a cloned repository) must not make the import read the user's other files.
    log(
      `Nothing imported into ${whereIs(backend)}: ${plural(error.refused.length, 'file')} outside ${error.tree} refused (--allow-outside reads them):`,
    );
    for (const line of error.refused) log(`  ${line}`);
    return 1;
  }
  const { files, source } = loaded;
  if (files.length === 0) {
    log(`Nothing imported: no descriptor files (*.yaml, *.yml) found at ${args.target}`);
    return 1;
  }
  let result: ImportResult;
  if (backend.kind === 'direct') {
    result = await runImport(backend.db, {
      files,
      source,
      skipInvalid: args.skipInvalid,
      actor: actor(cliActor(), 'cli'),
    });
  } else {
    const response = await backend.request<
      ImportResult | { error: { code: string; message: string; details?: ImportResult } }
    >('POST', '/api/v1/imports/backstage', { files, source, skipInvalid: args.skipInvalid });
    const body = response.body;
    if ('error' in body) {
      if (body.error.code !== 'IMPORT_INVALID' || !body.error.details) throw new Error(body.error.message);
      result = body.error.details;
    } else {
      result = body;
    }
  }
  printResult(result, whereIs(backend), log);
  if (result.status !== 'rejected') for (const line of newDatabaseNote(backend)) log(line);
  return result.status === 'rejected' ? 1 : 0;
}

export interface ImportFactsArgs {
  kind: FactKind;
  file: string;
}

/** Problems printed before "and N more": a file that is wrong throughout would otherwise flood the terminal. */
const SHOWN_PROBLEMS = 50;

type Counts = Omit<BatchResult, 'rejected'>;
type ErrorBody = { error: { message: string } };

/** First pass: every line checked, and the services the file names, each with the first line naming it. */
async function checkFile(args: ImportFactsArgs) {
  const problems: string[] = [];
  let problemCount = 0;
  let items = 0;
  const services = new Map<string, { line: number; lines: number }>();
  for await (const entry of readFactsFile(args.file, args.kind)) {
    if ('error' in entry) {
      problemCount++;
      if (problems.length < SHOWN_PROBLEMS) problems.push(`line ${entry.line}: ${entry.error}`);
      continue;
    }
    items++;
    const ref = serviceRefOf(String(entry.item.service));
    if (typeof ref !== 'string') continue; // the schema has already refused a malformed reference
    const seen = services.get(ref);
    if (seen) seen.lines++;
    else services.set(ref, { line: entry.line, lines: 1 });
  }
  return { problems, problemCount, items, services };
}

/** Refs that name no active service in the catalog (read directly, or through the server's API). */
async function missing(backend: Backend, refs: string[]): Promise<string[]> {
  if (backend.kind === 'direct') return missingServices(backend.db, refs);
  const absent: string[] = [];
  const queue = [...refs];
  const worker = async () => {
    for (let ref = queue.shift(); ref !== undefined; ref = queue.shift()) {
      const [kind, rest = ''] = ref.split(':');
      const [namespace = '', name = ''] = rest.split('/');
      const found =
        kind === 'component' &&
        (await backend.request<{ service?: { status: string } }>(
          'GET',
          `/api/v1/services/${encodeURIComponent(name)}?namespace=${encodeURIComponent(namespace)}`,
        ));
      if (!found || found.status !== 200 || found.body.service?.status !== 'active') absent.push(ref);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return absent;
}

async function send(backend: Backend, kind: FactKind, items: Record<string, unknown>[]): Promise<BatchResult> {
  if (backend.kind === 'direct') {
    // The whole file is one transaction and one audit entry, recorded when it is written (importFacts).
    if (kind === 'deployments') return ingestDeployments(backend.db, items, FACT_SCHEMAS.deployments, null);
    if (kind === 'changes') return ingestChanges(backend.db, items, FACT_SCHEMAS.changes, null);
    return ingestIncidents(backend.db, items, FACT_SCHEMAS.incidents, null);
  }
  const response = await backend.request<BatchResult | ErrorBody>('POST', `/api/v1/${kind}`, items);
  if ('error' in response.body) throw new Error(response.body.error.message);
  return response.body;
}

/** Rolls back a direct import some of whose items were refused (the catalog changed since the file was checked). */
class ImportRefused extends Error {}

/** Writes the checked file in batches of at most 10,000; what each batch created, updated, left alone or refused. */
async function writeBatches(backend: Backend, args: ImportFactsArgs) {
  const total: Counts = { created: 0, updated: 0, unchanged: 0 };
  const rejected: string[] = [];
  let batch: { line: number; item: Record<string, unknown> }[] = [];
  const flush = async () => {
    const result = await send(
      backend,
      args.kind,
      batch.map((b) => b.item),
    );
    total.created += result.created;
    total.updated += result.updated;
    total.unchanged += result.unchanged;
    // Only if the catalog changed between the check and the write.
    for (const r of result.rejected) rejected.push(`line ${batch[r.index]?.line ?? '?'}: ${r.error}`);
    batch = [];
  };
  for await (const entry of readFactsFile(args.file, args.kind)) {
    if ('error' in entry)
      throw new Error(`${args.file} changed while it was imported (line ${entry.line}: ${entry.error})`);
    batch.push(entry);
    if (batch.length === MAX_BATCH) await flush();
  }
  if (batch.length) await flush();
  return { total, rejected };
}

/**
 * Imports a CSV or NDJSON file of deployments, changes or incidents. Every line is checked first (fields, and
 * that each service is in the catalog); a file with any bad line changes nothing and exits 1. Then the items
 * are sent in batches of at most 10,000, idempotent on their ids like the API. Straight to the database the
 * whole file is one transaction: a batch the database refuses changes nothing. Through a running server's API
 * each batch is its own.
 */
export async function importFacts(
  backend: Backend,
  args: ImportFactsArgs,
  log: (line: string) => void,
): Promise<number> {
  await mustExist(args.file, 'a file');
  const checked = await checkFile(args);
  const problems = checked.problems.map((text) => ({ line: Number(/^line (\d+)/.exec(text)?.[1]), text }));
  let problemCount = checked.problemCount;
  for (const ref of await missing(backend, [...checked.services.keys()])) {
    const at = checked.services.get(ref);
    if (!at) continue;
    problemCount++;
    problems.push({
      line: at.line,
      text: `line ${at.line}: service: no service "${ref}" in the catalog${at.lines > 1 ? ` (and ${at.lines - 1} more lines)` : ''}`,
    });
  }
  if (problemCount > 0) {
    const shown = problems.sort((a, b) => a.line - b.line).slice(0, SHOWN_PROBLEMS);
    log(`Nothing imported into ${whereIs(backend)}: ${plural(problemCount, 'problem')} in ${args.file}.`);
    for (const p of shown) log(`  ${p.text}`);
    if (problemCount > shown.length) log(`  … and ${problemCount - shown.length} more`);
    return 1;
  }
  if (checked.items === 0) {
    log(`No ${args.kind} in ${args.file}.`);
    return 1;
  }

  let written: Awaited<ReturnType<typeof writeBatches>>;
  try {
    written =
      backend.kind === 'direct'
        ? await backend.db.transaction().execute(async (tx) => {
            const result = await writeBatches({ ...backend, db: tx }, args);
            if (result.rejected.length > 0) throw new ImportRefused(result.rejected.join('\n'));
            await recordBatch(tx, actor(cliActor(), 'cli'), args.kind, { ...result.total, rejected: [] }, args.file);
            return result;
          })
        : await writeBatches(backend, args);
  } catch (error) {
    if (!(error instanceof ImportRefused)) throw error;
    const lines = error.message.split('\n');
    log(
      `Nothing imported into ${whereIs(backend)}: the catalog changed since ${args.file} was checked (${plural(lines.length, 'item')} refused).`,
    );
    for (const line of lines.slice(0, SHOWN_PROBLEMS)) log(`  ${line}`);
    return 1;
  }
  const { total, rejected } = written;
  log(`Imported ${checked.items} ${args.kind} from ${args.file} into ${whereIs(backend)}`);
  log(`  created ${total.created} · updated ${total.updated} · unchanged ${total.unchanged}`);
  for (const line of newDatabaseNote(backend)) log(line);
  if (rejected.length) {
    log(`  rejected (${rejected.length}):`);
    for (const r of rejected) log(`    ${r}`);
    return 1;
  }
  return 0;
}
