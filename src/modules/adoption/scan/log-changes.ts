import { GitError, gitFailure, spawnGit, type GitRepo } from './git.js';

/** One path a commit changed against its first parent: the blob before (`null`: added) and after (`null`: deleted). */
export interface PathChange {
  path: string;
  before: { oid: string; mode: string } | null;
  after: { oid: string; mode: string } | null;
}

export interface CommitChanges {
  commit: string;
  /** Committer time, seconds since the epoch. */
  time: number;
  changes: PathChange[];
}

const HEADER = 0x01;

/**
 * Streams, newest first, the commits of `head`'s first-parent history that change paths under `pathspecs` (all
 * commits when there are none), each
 * with its changes against its first parent (a root commit against the empty tree). One `git log` process; stopping
 * the iteration early ends it, so a walk that finds its answer near HEAD does not pay for the whole history.
 */
export async function* logChanges(repo: GitRepo, head: string, pathspecs: string[]): AsyncGenerator<CommitChanges> {
  const args = ['log', '--first-parent', '-m', '--no-renames', '--raw', '-z', '--no-abbrev', '--no-color'];
  args.push('--format=%x01%H%x09%ct', head, '--', ...pathspecs);
  // Without pathspecs every first-parent commit is listed, with all its changes.
  const child = spawnGit(repo, args);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
  child.on('error', () => {}); // a failed start closes with a null code, reported below
  let finished = false;
  try {
    const parser = new RawLogParser();
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      yield* parser.push(chunk);
    }
    yield* parser.end();
    const code = await exit;
    finished = true;
    if (code !== 0) throw new GitError(gitFailure(args, stderr, code), code, stderr);
  } finally {
    if (!finished) child.kill();
  }
}

/** Turns `git log --raw -z` output into commits. Tokens are NUL-terminated; a path always follows its `:` record. */
class RawLogParser {
  private rest: Buffer = Buffer.alloc(0);
  private current: CommitChanges | null = null;
  private record: string[] | null = null;

  *push(chunk: Buffer): Generator<CommitChanges> {
    const data = this.rest.length > 0 ? Buffer.concat([this.rest, chunk]) : chunk;
    let start = 0;
    for (let end = data.indexOf(0, start); end !== -1; end = data.indexOf(0, start)) {
      const done = this.token(data.subarray(start, end));
      start = end + 1;
      if (done) yield done;
    }
    this.rest = Buffer.from(data.subarray(start));
  }

  *end(): Generator<CommitChanges> {
    if (this.rest.length > 0) {
      const done = this.token(this.rest);
      if (done) yield done;
    }
    if (this.current) yield this.current;
    this.current = null;
  }

  /** Consumes one token; returns the previous commit when this one starts a new commit. */
  private token(raw: Buffer): CommitChanges | null {
    if (this.record) {
      this.addChange(this.record, raw.toString('utf8'));
      this.record = null;
      return null;
    }
    let bytes = raw;
    while (bytes.length > 0 && bytes[0] === 0x0a) bytes = bytes.subarray(1);
    if (bytes[0] === HEADER) {
      const [commit, time] = bytes.toString('utf8', 1).split('\t');
      const previous = this.current;
      this.current = { commit: commit ?? '', time: Number(time), changes: [] };
      return previous;
    }
    if (bytes[0] === 0x3a /* : */) this.record = bytes.toString('utf8', 1).split(' ');
    return null;
  }

  private addChange(record: string[], path: string): void {
    // :<mode before> <mode after> <oid before> <oid after> <status>
    const [modeBefore, modeAfter, oidBefore, oidAfter] = record;
    if (!this.current || !modeBefore || !modeAfter || !oidBefore || !oidAfter) return;
    this.current.changes.push({
      path,
      before: isBlobMode(modeBefore) ? { oid: oidBefore, mode: modeBefore } : null,
      after: isBlobMode(modeAfter) ? { oid: oidAfter, mode: modeAfter } : null,
    });
  }
}

/** Regular files and symlinks; `000000` (absent) and `160000` (a submodule) are not files. */
function isBlobMode(mode: string): boolean {
  return mode.startsWith('100') || mode === '120000';
}
