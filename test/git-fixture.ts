import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A file's new content, or null to delete it. */
export type FileChanges = Record<string, string | Buffer | null>;

const IDENTITY = ['-c', 'user.name=Fixture', '-c', 'user.email=fixture@example.com', '-c', 'commit.gpgsign=false'];

/** Builds a git repository by hand for tests: files and commits at known dates. */
export class GitFixture {
  private constructor(readonly path: string) {}

  static create(path: string, branch = 'main'): GitFixture {
    mkdirSync(path, { recursive: true });
    const fixture = new GitFixture(path);
    fixture.git(['init', '-q', '-b', branch]);
    return fixture;
  }

  git(args: string[], env: Record<string, string> = {}): string {
    return execFileSync('git', [...IDENTITY, ...args], {
      cwd: this.path,
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', ...env },
      encoding: 'utf8',
    }).trim();
  }

  /** Writes (or deletes) files and commits them at `date` (author and committer); returns the commit id. */
  commit(date: string, files: FileChanges, message = `commit at ${date}`): string {
    for (const [path, content] of Object.entries(files)) {
      const full = join(this.path, path);
      if (content === null) {
        rmSync(full, { force: true });
      } else {
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, content);
      }
    }
    this.git(['add', '-A']);
    this.git(['commit', '-q', '--allow-empty', '-m', message], { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
    return this.git(['rev-parse', 'HEAD']);
  }

  /** Merges `branch` into the current branch with a merge commit at `date`; returns its id. */
  merge(date: string, branch: string): string {
    this.git(['merge', '-q', '--no-ff', '-m', `merge ${branch}`, branch], {
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
    });
    return this.git(['rev-parse', 'HEAD']);
  }
}
