import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * Where git runs for one repository. A bare repository gets an explicit GIT_DIR, so `safe.bareRepository=explicit`
 * does not refuse it; a working tree is found from `cwd`, never above it (GIT_CEILING_DIRECTORIES).
 */
export interface GitRepo {
  path: string;
  bare: boolean;
  /** The git directory when it is a plain directory here (`.git`, or the bare repository itself); else null. */
  gitDir: string | null;
  env: NodeJS.ProcessEnv;
}

/** Variables that would point git at another repository (or other objects) than the one we name. */
const INHERITED_GIT_VARIABLES = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_COMMON_DIR',
  'GIT_NAMESPACE',
  'GIT_CEILING_DIRECTORIES',
  'GIT_DISCOVERY_ACROSS_FILESYSTEM',
];

/** Options every command gets: paths as bytes (no quoting), and output that user config cannot reshape. */
const FIXED_CONFIG = [
  '-c',
  'core.quotePath=false',
  '-c',
  'log.showRoot=true',
  '-c',
  'log.showSignature=false',
  '-c',
  'color.ui=false',
];

export class GitError extends Error {
  constructor(
    message: string,
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(message);
    this.name = 'GitError';
  }
}

/** How a directory holds a repository: `worktree` (a `.git` entry), `bare` (HEAD, objects/, refs/), or neither. */
export async function repositoryLayout(path: string): Promise<'worktree' | 'bare' | null> {
  if (await exists(join(path, '.git'))) return 'worktree';
  const [head, objects, refs] = await Promise.all([
    isKind(join(path, 'HEAD'), 'file'),
    isKind(join(path, 'objects'), 'dir'),
    isKind(join(path, 'refs'), 'dir'),
  ]);
  return head && objects && refs ? 'bare' : null;
}

export async function openRepo(path: string): Promise<GitRepo> {
  const absolute = resolve(path);
  const layout = await repositoryLayout(absolute);
  if (layout === null) throw new GitError('not a git repository', null, '');
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of INHERITED_GIT_VARIABLES) delete env[name];
  env.GIT_OPTIONAL_LOCKS = '0';
  env.GIT_TERMINAL_PROMPT = '0';
  env.GIT_CEILING_DIRECTORIES = dirname(absolute);
  if (layout === 'bare') env.GIT_DIR = absolute;
  const dotGit = join(absolute, '.git');
  const gitDir = layout === 'bare' ? absolute : (await isKind(dotGit, 'dir')) ? dotGit : null;
  return { path: absolute, bare: layout === 'bare', gitDir, env };
}

/** The directory name, without the `.git` a bare mirror usually carries. */
export function repoName(repo: GitRepo): string {
  const name = basename(repo.path);
  return repo.bare && name.endsWith('.git') && name.length > 4 ? name.slice(0, -4) : name;
}

export function spawnGit(
  repo: GitRepo,
  args: string[],
  stdin: 'pipe' | 'ignore' = 'ignore',
): ChildProcessWithoutNullStreams {
  return spawn('git', [...FIXED_CONFIG, ...args], {
    cwd: repo.path,
    env: repo.env,
    stdio: [stdin, 'pipe', 'pipe'],
  }) as ChildProcessWithoutNullStreams;
}

/** Runs git to completion and returns stdout; a non-zero exit not listed in `okExitCodes` rejects with a GitError. */
export function runGit(
  repo: GitRepo,
  args: string[],
  okExitCodes: number[] = [0],
): Promise<{ stdout: Buffer; exitCode: number }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawnGit(repo, args);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => reject(new GitError(`git could not be started: ${error.message}`, null, '')));
    child.on('close', (code) => {
      const stderr = Buffer.concat(err).toString('utf8');
      if (code !== null && okExitCodes.includes(code)) resolvePromise({ stdout: Buffer.concat(out), exitCode: code });
      else reject(new GitError(gitFailure(args, stderr, code), code, stderr));
    });
  });
}

export function gitFailure(args: string[], stderr: string, code: number | null): string {
  const line = stderr
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.startsWith('fatal:') || l.startsWith('error:'));
  const reason = line ?? (stderr.trim().split('\n')[0] || `exit code ${code ?? 'signal'}`);
  const command = args.find((a) => !a.startsWith('-')) ?? 'git';
  return `git ${command}: ${reason}`;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function isKind(path: string, kind: 'file' | 'dir'): Promise<boolean> {
  try {
    const info = await stat(path);
    return kind === 'file' ? info.isFile() : info.isDirectory();
  } catch {
    return false;
  }
}
