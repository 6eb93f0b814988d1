import { GitError, runGit, type GitRepo } from './git.js';
import type { ObjectReader } from './object-reader.js';

/** A blob in a commit's tree. `size` is null when not known (content is then read up to the limit). */
export interface FileEntry {
  path: string;
  oid: string;
  /** git file mode: 100644, 100755 (regular), 120000 (symlink). */
  mode: string;
  size: number | null;
}

export const SYMLINK_MODE = '120000';

export interface HeadCommit {
  commit: string;
  /** Committer date, ISO 8601 UTC. */
  date: string;
  tree: string;
}

/** Seconds since the epoch to `YYYY-MM-DDTHH:MM:SSZ`. */
export function isoUtc(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

/** HEAD's commit, committer date and tree, read through the repository's cat-file process. */
export async function readHead(repo: GitRepo, reader: ObjectReader): Promise<HeadCommit> {
  const object = await reader.read('HEAD^{commit}', 1024 * 1024);
  const text = object?.content?.toString('utf8');
  if (!object || text === undefined) {
    // An unborn HEAD (no commits yet) and a HEAD whose commit object is gone read alike; the ref tells them apart.
    const { stdout, exitCode } = await runGit(repo, ['rev-parse', '--verify', '-q', 'HEAD'], [0, 1]);
    const target = stdout.toString('utf8').trim();
    if (exitCode === 0 && target !== '')
      throw new GitError(`HEAD names ${target}, which cannot be read (corrupt repository?)`, null, '');
    throw new GitError('HEAD does not name a commit (empty repository?)', null, '');
  }
  const headerEnd = text.indexOf('\n\n');
  const headers = (headerEnd === -1 ? text : text.slice(0, headerEnd)).split('\n');
  const tree = headers.find((h) => h.startsWith('tree '))?.slice(5);
  // committer <name> <<email>> <seconds> <zone>
  const committer = headers.find((h) => h.startsWith('committer '))?.split(' ');
  const seconds = Number(committer?.[committer.length - 2]);
  if (!tree || !Number.isFinite(seconds)) throw new GitError(`commit ${object.oid} cannot be parsed`, null, '');
  return { commit: object.oid, date: isoUtc(seconds), tree };
}

/**
 * Every file of a tree, recursively, in git's order (byte order of paths), read as tree objects through the
 * cat-file process: each directory's subtrees are requested together, so a level costs one round trip and no
 * extra process. Submodules (commits in the tree) are not files and are left out.
 */
export async function readTreeFiles(reader: ObjectReader, tree: string): Promise<FileEntry[]> {
  const hashBytes = tree.length / 2;
  const walk = async (oid: string, prefix: string): Promise<FileEntry[]> => {
    const object = await reader.read(oid, Number.MAX_SAFE_INTEGER);
    if (!object?.content || object.type !== 'tree')
      throw new GitError(`tree ${oid} (${prefix || '/'}) cannot be read`, null, '');
    const parts: (FileEntry | Promise<FileEntry[]>)[] = [];
    const data = object.content;
    let at = 0;
    // Entries are `<octal mode> <name>\0<binary id>`; the mode's first bytes tell trees, files and submodules apart.
    while (at < data.length) {
      const space = data.indexOf(0x20, at);
      const nul = data.indexOf(0, space);
      if (space === -1 || nul === -1 || nul + 1 + hashBytes > data.length) break;
      const tree = space - at === 5 && data[at] === 0x34; // 40000
      const file = space - at === 6 && data[at] === 0x31 && (data[at + 1] === 0x30 || data[at + 1] === 0x32); // 100xxx, 120000
      if (tree || file) {
        const name = data.toString('utf8', space + 1, nul);
        const child = data.toString('hex', nul + 1, nul + 1 + hashBytes);
        if (tree) parts.push(walk(child, `${prefix}${name}/`));
        else parts.push({ path: prefix + name, oid: child, mode: data.toString('latin1', at, space), size: null });
      }
      at = nul + 1 + hashBytes;
    }
    // All at once, so one failing subtree cannot leave the others' rejections unhandled.
    return (await Promise.all(parts.map((part) => (part instanceof Promise ? part : [part])))).flat();
  };
  return walk(tree, '');
}
