import { compileCapabilities, type CapabilityRules } from './compile-rules.js';
import { findFirstAdoptions, type FirstAdoption } from './first-adoption.js';
import { openRepo, repoName } from './git.js';
import { RuleEvaluator, type Evidence } from './match-rules.js';
import { ObjectReader } from './object-reader.js';
import { PatternMatcher } from './pattern-matcher.js';
import { readComponent, type ComponentName } from './read-component.js';
import { readOriginUrl } from './read-origin.js';
import { readHead, readTreeFiles } from './read-tree.js';

export interface CapabilityMatch {
  capability: string;
  /** At most EVIDENCE_PER_RULE per rule and EVIDENCE_PER_CAPABILITY in all, in rule then file order. */
  evidence: Evidence[];
  /** Only with `history: true`. */
  firstAdoption: FirstAdoption | null;
}

export interface RepositoryScan {
  path: string;
  /** The directory name (a bare repository's without `.git`). */
  name: string;
  head: string;
  /** HEAD's committer date, ISO 8601 UTC. */
  headDate: string;
  /** `origin`'s URL, credentials removed. */
  remoteUrl: string | null;
  /** The Component named by `catalog-info.yaml` at the root of HEAD. */
  component: ComponentName | null;
  /** Capabilities that match at HEAD, in the order they were given. */
  matches: CapabilityMatch[];
  problems: string[];
}

export interface UnchangedRepository {
  path: string;
  unchanged: true;
  head: string;
}

export interface FailedRepository {
  path: string;
  error: string;
}

export type ScanResult = RepositoryScan | UnchangedRepository | FailedRepository;

export interface ScanRepositoryOptions {
  /** Also find each matching capability's first adoption in the first-parent history. */
  history: boolean;
  /** HEAD at the last scan: when it has not moved, nothing is read. */
  previousHead?: string;
  /** The matcher to run patterns with; by default one shared by all scans of the process (see `sharedMatcher`). */
  matcher?: PatternMatcher;
  /** Time a pattern may run on one file before it is stopped (default 1000 ms): the scan gets its own matcher. */
  patternBudgetMs?: number;
}

export const EVIDENCE_PER_RULE = 10;
export const EVIDENCE_PER_CAPABILITY = 50;
const MAX_PROBLEMS = 200;

/**
 * Finds which capabilities a git repository uses at HEAD, with evidence, and optionally since when. Reads the
 * repository only: one cat-file process for objects, one log for history; never a checkout, fetch or write.
 * Failures are returned, not thrown.
 */
export async function scanRepository(
  path: string,
  capabilities: CapabilityRules[],
  options: ScanRepositoryOptions,
): Promise<ScanResult> {
  let reader: ObjectReader | null = null;
  const ownMatcher = options.matcher === undefined && options.patternBudgetMs !== undefined;
  const matcher =
    options.matcher ?? (ownMatcher ? new PatternMatcher({ budgetMs: options.patternBudgetMs }) : sharedMatcher());
  try {
    const repo = await openRepo(path);
    reader = new ObjectReader(repo);
    const head = await readHead(repo, reader);
    if (options.previousHead === head.commit) return { path, unchanged: true, head: head.commit };

    const compiled = compileCapabilities(capabilities);
    const [entries, remoteUrl] = await Promise.all([readTreeFiles(reader, head.tree), readOriginUrl(repo)]);
    const evaluator = new RuleEvaluator(compiled, reader, matcher);
    const problems: string[] = [...compiled.problems];
    const candidates = evaluator.interesting(entries);
    const [component] = await Promise.all([
      readComponent(entries, reader, problems),
      evaluator.prepare(candidates, new Set(compiled.capabilities.map((_, i) => i))),
    ]);

    const matched = compiled.capabilities
      .map((capability, index) => ({
        index,
        capability,
        evidence: evaluator.evidence(index, candidates, EVIDENCE_PER_RULE),
      }))
      .filter((m) => m.evidence.length > 0);
    const adoptions = options.history
      ? await findFirstAdoptions(
          repo,
          head.commit,
          candidates,
          matched.map((m) => m.index),
          compiled,
          evaluator,
        )
      : new Map<number, FirstAdoption | null>();

    problems.push(...evaluator.problems);
    return {
      path,
      name: repoName(repo),
      head: head.commit,
      headDate: head.date,
      remoteUrl,
      component,
      matches: matched.map((m) => ({
        capability: m.capability.name,
        evidence: m.evidence.slice(0, EVIDENCE_PER_CAPABILITY),
        firstAdoption: adoptions.get(m.index) ?? null,
      })),
      problems:
        problems.length > MAX_PROBLEMS
          ? [...problems.slice(0, MAX_PROBLEMS - 1), `and ${problems.length - MAX_PROBLEMS + 1} more problems`]
          : problems,
    };
  } catch (error) {
    return { path, error: error instanceof Error ? error.message : String(error) };
  } finally {
    reader?.close();
    if (ownMatcher) await matcher.close();
  }
}

let shared: PatternMatcher | null = null;

/**
 * The process's default pattern matcher: its worker starts once (about 40 ms) instead of once per scan, and does
 * not keep the process alive while idle. Concurrent scans queue their texts on it.
 */
export function sharedMatcher(): PatternMatcher {
  shared ??= new PatternMatcher();
  return shared;
}

export interface ScanRepositoriesOptions {
  history: boolean;
  /** HEADs at the last scan, by path as given. */
  previousHeads?: ReadonlyMap<string, string>;
  /** Repositories scanned at once (default 2); each lane has its own pattern worker. */
  concurrency?: number;
  patternBudgetMs?: number;
  /** Called as each repository finishes, e.g. to store or report progress. */
  onResult?: (result: ScanResult) => void;
}

/** Scans many repositories with a fixed concurrency, reusing one pattern worker per lane; results in input order. */
export async function scanRepositories(
  paths: string[],
  capabilities: CapabilityRules[],
  options: ScanRepositoriesOptions,
): Promise<ScanResult[]> {
  const results: ScanResult[] = new Array(paths.length);
  let next = 0;
  const lane = async () => {
    const matcher = new PatternMatcher({ budgetMs: options.patternBudgetMs });
    try {
      while (next < paths.length) {
        const index = next++;
        const path = paths[index] as string;
        const previousHead = options.previousHeads?.get(path);
        const result = await scanRepository(path, capabilities, {
          history: options.history,
          matcher,
          ...(previousHead ? { previousHead } : {}),
        });
        results[index] = result;
        options.onResult?.(result);
      }
    } finally {
      await matcher.close();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, lane));
  return results;
}
