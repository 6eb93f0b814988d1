import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runGit, type GitRepo } from './git.js';

/**
 * `remote.origin.url`, with credentials written into an http(s) URL removed; null when there is no origin.
 * Read from the repository's own config file, which saves a process per repository; through `git config` when
 * that file includes others or the repository's git directory is elsewhere (a `.git` file).
 */
export async function readOriginUrl(repo: GitRepo): Promise<string | null> {
  const url = repo.gitDir === null ? await askGit(repo) : await fromConfigFile(repo, join(repo.gitDir, 'config'));
  return url === null || url === '' ? null : url.replace(/^(https?:\/\/)[^/@]*@/i, '$1');
}

async function askGit(repo: GitRepo): Promise<string | null> {
  const { stdout, exitCode } = await runGit(repo, ['config', '--get', 'remote.origin.url'], [0, 1]);
  return exitCode === 0 ? stdout.toString('utf8').trim() : null;
}

async function fromConfigFile(repo: GitRepo, path: string): Promise<string | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return askGit(repo);
  }
  if (/^\s*\[\s*include/im.test(text)) return askGit(repo);
  return parseOriginUrl(text);
}

/** The last `url` of `[remote "origin"]` (or the old `[remote.origin]`) in git config syntax. */
export function parseOriginUrl(text: string): string | null {
  let inOrigin = false;
  let url: string | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('[')) {
      const header = /^\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\]/.exec(line);
      const section = header?.[1]?.toLowerCase();
      const sub = header?.[2]?.replace(/\\(.)/g, '$1');
      inOrigin = (section === 'remote' && sub === 'origin') || (section === 'remote.origin' && sub === undefined);
      continue;
    }
    if (!inOrigin) continue;
    const entry = /^([A-Za-z][A-Za-z0-9-]*)\s*(?:=\s*(.*))?$/.exec(line);
    if (entry?.[1]?.toLowerCase() === 'url') url = configValue(entry[2] ?? '');
  }
  return url;
}

/** A config value: quotes removed, `\\"`, `\\\\`, `\\t`, `\\n` unescaped, an unquoted `#` or `;` starts a comment. */
function configValue(raw: string): string {
  let value = '';
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] as string;
    if (ch === '\\' && i + 1 < raw.length) {
      const next = raw[++i] as string;
      value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && (ch === '#' || ch === ';')) {
      break;
    } else {
      value += ch;
    }
  }
  return value.trim();
}
