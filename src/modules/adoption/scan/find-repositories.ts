import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { repositoryLayout } from './git.js';

export interface FoundRepositories {
  /** Absolute paths, sorted. */
  repositories: string[];
  /** Directories that are not repositories or could not be read: `path: reason`. */
  problems: string[];
}

/**
 * The repositories to scan under `root`: root itself when it is one (a working tree or a bare repository),
 * else its immediate subdirectories that are. Nothing is read from git here; a directory that looks like a
 * repository but is corrupt is returned, and its scan reports the error.
 */
export async function findRepositories(root: string): Promise<FoundRepositories> {
  const base = resolve(root);
  const problems: string[] = [];
  try {
    if (!(await stat(base)).isDirectory()) return { repositories: [], problems: [`${base}: not a directory`] };
    if ((await repositoryLayout(base)) !== null) return { repositories: [base], problems };
    const entries = await readdir(base, { withFileTypes: true });
    const names = entries.map((e) => e.name).sort();
    const repositories: string[] = [];
    const checks = names.map(async (name) => {
      const path = join(base, name);
      const verdict = await classify(path);
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
