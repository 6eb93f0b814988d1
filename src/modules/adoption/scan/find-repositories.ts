import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { repositoryLayout } from './git.js';

export interface FoundRepositories {
  /** Absolute paths, sorted. */
  repositories: string[];
  /** Directories that are not repositories or could not be read: `path: reason`. */
  problems: string[];
}

/** Whether `path` is `folder` or inside it (both absolute, already resolved). */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

const OUTSIDE = 'leads outside the scan root (a symbolic link or a .git file); skipped';

/**
 * Whether a repository's real path, or that of its git directory (`.git` may be a symbolic link, or a file naming
 * the directory elsewhere), is outside `within` (a real path).
 */
async function leadsOutside(path: string, within: string): Promise<boolean> {
  if (!isInside(within, await realpath(path))) return true;
  const dotGit = join(path, '.git');
  const gitDir = await stat(dotGit).then(
    (s) => s,
    () => null,
  );
  if (gitDir === null) return false;
  if (gitDir.isDirectory()) return !isInside(within, await realpath(dotGit));
  const named = /^gitdir:\s*(.+?)\s*$/m.exec(await readFile(dotGit, 'utf8'))?.[1];
  if (named === undefined) return false;
  const target = resolve(dirname(dotGit), named);
  return !isInside(within, await realpath(target).catch(() => target));
}

/**
 * The repositories to scan under `root`: root itself when it is one (a working tree or a bare repository),
 * else its immediate subdirectories that are. Nothing is read from git here; a directory that looks like a
 * repository but is corrupt is returned, and its scan reports the error. With `within` (a real path: the API's
 * PAVED_SCAN_ROOT), a repository whose real path or git directory is outside it is skipped and reported.
 */
export async function findRepositories(root: string, options: { within?: string } = {}): Promise<FoundRepositories> {
  const base = resolve(root);
  const problems: string[] = [];
  const { within } = options;
  try {
    if (!(await stat(base)).isDirectory()) return { repositories: [], problems: [`${base}: not a directory`] };
    if (within !== undefined && !isInside(within, await realpath(base)))
      return { repositories: [], problems: [`${base}: ${OUTSIDE}`] };
    if ((await repositoryLayout(base)) !== null) {
      if (within !== undefined && (await leadsOutside(base, within)))
        return { repositories: [], problems: [`${base}: ${OUTSIDE}`] };
      return { repositories: [base], problems };
    }
    const entries = await readdir(base, { withFileTypes: true });
    const names = entries.map((e) => e.name).sort();
    const repositories: string[] = [];
    const checks = names.map(async (name) => {
      const path = join(base, name);
      let verdict = await classify(path);
      if (verdict === 'repository' && within !== undefined && (await leadsOutside(path, within).catch(() => true)))
        verdict = OUTSIDE;
      if (verdict === 'repository') repositories.push(path);
      else if (verdict !== 'file') problems.push(`${path}: ${verdict}`);
    });
    await Promise.all(checks);
    repositories.sort();
    problems.sort();
    return { repositories, problems };
  } catch (error) {
    return { repositories: [], problems: [`${base}: ${reason(error)}`] };
  }
}

async function classify(path: string): Promise<'repository' | 'file' | string> {
  try {
    if (!(await stat(path)).isDirectory()) return 'file';
    // Listing it first tells an unreadable directory from one that is not a repository.
    await readdir(path);
    return (await repositoryLayout(path)) !== null ? 'repository' : 'not a git repository';
  } catch (error) {
    return `unreadable (${reason(error)})`;
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code ?? (error instanceof Error ? error.message : String(error));
}
