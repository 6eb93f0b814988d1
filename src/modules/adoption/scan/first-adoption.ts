import type { CompiledCapabilities } from './compile-rules.js';
import type { GitRepo } from './git.js';
import { logChanges, type CommitChanges, type PathChange } from './log-changes.js';
import type { RuleEvaluator } from './match-rules.js';
import { isoUtc, type FileEntry } from './read-tree.js';

export interface FirstAdoption {
  commit: string;
  /** Committer date, ISO 8601 UTC. */
  date: string;
}

interface Walk {
  capability: number;
  /** The capability's relevant files as of the commit being looked at (HEAD's at the start). */
  state: Map<string, FileEntry>;
  /** The oldest commit seen so far from which the rules match in every commit up to HEAD. */
  adoption: CommitChanges | null;
  done: boolean;
}

/**
 * First adoption (DOMAIN.md): the earliest commit from which the capability's rules match in every commit up to
 * HEAD. Whether rules match can only change at a commit that changes a file they look at, so one path-limited
 * `git log` over the first-parent history lists those commits with their changes; walking back from HEAD, the
 * relevant files' state is rebuilt by undoing each commit's changes, evaluated at each such commit, and the walk
 * stops at the first commit where the rules do not match: the adoption is the next newer one. Matching all the way
 * back means the oldest such commit (the one that added the files). Merges count at the merge, on the first parent.
 *
 * Only for capabilities that match at HEAD; `headEntries` must hold at least the files their rules look at.
 */
export async function findFirstAdoptions(
  repo: GitRepo,
  head: string,
  headEntries: FileEntry[],
  capabilities: number[],
  compiled: CompiledCapabilities,
  evaluator: RuleEvaluator,
): Promise<Map<number, FirstAdoption | null>> {
  const walks = new Map<number, Walk>(
    capabilities.map((capability) => [capability, { capability, state: new Map(), adoption: null, done: false }]),
  );
  for (const entry of headEntries) {
    for (const capability of evaluator.relevantTo(entry.path)) walks.get(capability)?.state.set(entry.path, entry);
  }
  const pathspecs = [...new Set(capabilities.flatMap((c) => compiled.capabilities[c]?.pathspecs ?? []))];
  // git matches a `**/` pathspec against every entry of every tree it walks: on 200 commits of a 2000-file
  // repository, ~6x slower than listing all changes and keeping the relevant ones here (bench/scan.ts).
  const limit = pathspecs.some((spec) => spec.startsWith(':(glob)**')) ? [] : pathspecs;
  let active = walks.size;
  if (active > 0 && pathspecs.length > 0) {
    for await (const commit of logChanges(repo, head, limit)) {
      // Each change is classified once per commit, then handed to the walks it concerns.
      const byWalk = new Map<Walk, PathChange[]>();
      for (const change of commit.changes) {
        for (const capability of evaluator.relevantTo(change.path)) {
          const walk = walks.get(capability);
          if (walk && !walk.done) byWalk.set(walk, [...(byWalk.get(walk) ?? []), change]);
        }
      }
      for (const [walk, changes] of byWalk) {
        await step(walk, commit, changes, evaluator);
        if (walk.done) active--;
      }
      if (active === 0) break;
    }
  }
  return new Map(
    [...walks.values()].map((w) => [
      w.capability,
      w.adoption && { commit: w.adoption.commit, date: isoUtc(w.adoption.time) },
    ]),
  );
}

async function step(walk: Walk, commit: CommitChanges, changes: PathChange[], evaluator: RuleEvaluator): Promise<void> {
  // The newest relevant commit sees HEAD's files, which match: no need to evaluate them again.
  if (walk.adoption !== null) {
    const files = [...walk.state.values()];
    await evaluator.prepare(files, new Set([walk.capability]));
    if (!evaluator.matches(walk.capability, files, ` at ${commit.commit.slice(0, 12)}`)) {
      walk.done = true;
      return;
    }
  }
  walk.adoption = commit;
  undo(walk.state, changes);
}

/** Turns the state at a commit into the state at its first parent. */
function undo(state: Map<string, FileEntry>, changes: PathChange[]): void {
  for (const change of changes) {
    if (change.before)
      state.set(change.path, { path: change.path, oid: change.before.oid, mode: change.before.mode, size: null });
    else state.delete(change.path);
  }
}
