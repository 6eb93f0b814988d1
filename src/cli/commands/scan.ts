import { resolve } from 'node:path';
import type { Capability } from '../../modules/catalog/contract.js';
import type { Scan, ScanSummary } from '../../modules/adoption/scans/contract.js';
import type { DeprecationRules } from '../../modules/shipping/migrations/contract.js';
import { scanTree } from '../../modules/adoption/scans/run-scan.js';
import { runScan } from '../../modules/adoption/scans/service.js';
import { cliActor, whereIs, type Backend } from '../backend.js';
import { mustExist } from './import.js';

function print(summary: ScanSummary, problems: string[], where: string, log: (l: string) => void) {
  log(
    `Scanned ${summary.repositories} repositories into ${where}: ${summary.scanned} read, ${summary.unchanged} unchanged since the last scan, ${summary.failed} failed.`,
  );
  log(
    `  ${summary.matching} capability matches · ${summary.churned} no longer matching · ${summary.mapped} mapped to services`,
  );
  if (summary.unmapped.length)
    log(
      `  unmapped (no service found; add a catalog-info.yaml or a project-slug annotation): ${summary.unmapped.join(', ')}`,
    );
  for (const p of problems) log(`  problem: ${p}`);
}

async function fetchCapabilities(backend: Extract<Backend, { kind: 'api' }>) {
  const out: Capability[] = [];
  let cursor: string | null = null;
  do {
    const page: { status: number; body: { items: Capability[]; nextCursor: string | null } } = await backend.request(
      'GET',
      `/api/v1/capabilities?limit=200${cursor ? `&cursor=${cursor}` : ''}`,
    );
    out.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return out
    .filter((c) => c.status === 'active' && c.detect.length > 0)
    .map((c) => ({ capability: c.name, rules: c.detect }));
}

/** Open deprecations' own rules, and the repositories they have not seen; none from a server without them. */
async function fetchDeprecationRules(backend: Extract<Backend, { kind: 'api' }>): Promise<DeprecationRules> {
  const response = await backend.request<DeprecationRules>('GET', '/api/v1/deprecations/rules');
  return response.status === 200 ? response.body : { ruleSets: [], reread: [] };
}

/**
 * Scans with git here. With the embedded database held by a running server, the results are sent to it
 * (git reads need no database); otherwise they are stored directly.
 */
export async function scanCommand(
  backend: Backend,
  args: { path: string; history: boolean },
  log: (l: string) => void,
): Promise<number> {
  await mustExist(args.path, 'a directory');
  const root = resolve(args.path);
  if (backend.kind === 'direct') {
    const { summary, problems } = await runScan(backend.db, { root, history: args.history, actor: cliActor() });
    print(summary, problems, whereIs(backend), log);
    return found(summary, root, log);
  }
  const capabilities = await fetchCapabilities(backend);
  const repos = await backend.request<{ items: { path: string; head: string | null }[] }>(
    'GET',
    '/api/v1/repositories',
  );
  const deprecations = await fetchDeprecationRules(backend);
  const reread = new Set(deprecations.reread);
  capabilities.push(...deprecations.ruleSets.map((r) => ({ capability: r.name, rules: r.rules })));
  const previousHeads = new Map(
    repos.body.items.filter((r) => r.head && !reread.has(r.path)).map((r) => [r.path, r.head as string]),
  );
  const { results, problems } = await scanTree({ root, history: args.history, previousHeads, capabilities });
  const response = await backend.request<Scan | { error: { message: string } }>('POST', '/api/v1/scans/results', {
    root,
    history: args.history,
    repositories: results,
    problems,
    ...(deprecations.ruleSets.length > 0 ? { ruleSets: deprecations.ruleSets.map((r) => r.name) } : {}),
  });
  if ('error' in response.body) throw new Error(response.body.error.message);
  print(response.body.summary as ScanSummary, problems, whereIs(backend), log);
  return found(response.body.summary as ScanSummary, root, log);
}

/** Exit code 1 when the folder held no git repository: most likely the wrong folder. */
function found(summary: ScanSummary, root: string, log: (l: string) => void): number {
  if (summary.repositories > 0) return 0;
  log(`No git repository in ${root} or its subfolders: give a repository or a folder of them.`);
  return 1;
}
