import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { parseAllDocuments } from 'yaml';
import type { CatalogFile } from './entity.js';
import { isPlainObject, resolveTarget, validateLocation } from './validate-spec.js';

/** Files above this are not descriptors anyone wrote by hand; they are left out rather than read into memory. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;
const DESCRIPTOR_FILE = /\.ya?ml$/i;
const LOCATION_HINT = /kind\W{0,4}location/i;

/** Files a read refused because they are outside the tree it was given, each named with why. */
export class OutsideTree extends Error {
  constructor(
    readonly tree: string,
    readonly refused: string[],
  ) {
    super(`refused to read outside ${tree}: ${refused.join('; ')}`);
    this.name = 'OutsideTree';
  }
}

export interface ReadTreeOptions {
  /** Follow Location targets and symbolic links that lead outside the tree (the CLI's --allow-outside). */
  allowOutside?: boolean;
}

const inside = (folder: string, path: string) => {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/** A file to read, and what led to it (a Location target in another file), for the refusal's message. */
interface Queued {
  absolute: string;
  target?: { value: string; in: string };
}

/**
 * Reads the descriptor files under a directory (or one file), then follows Location targets to local files.
 * Paths are relative to the directory (or the file's directory), with `/`. The tree is that directory: a Location
 * target outside it, or a file whose real path (symbolic links resolved) is outside it, is refused with
 * `OutsideTree`, which names each, unless `allowOutside`; nothing is returned then.
 */
export async function readCatalogTree(path: string, options: ReadTreeOptions = {}): Promise<CatalogFile[]> {
  const start = resolve(path);
  const isDirectory = (await stat(start)).isDirectory();
  const root = isDirectory ? start : dirname(start);
  const tree = await realpath(root);
  const walked = isDirectory ? await listDescriptorFiles(start) : [];
  const listings = new Listings(isDirectory ? start : null, walked);
  const queue: Queued[] = (isDirectory ? walked : [start]).map((absolute) => ({ absolute }));
  const seen = new Set<string>();
  const files: CatalogFile[] = [];
  const refused: string[] = [];

  /** Whether a file may be read; records why not. A missing file may: it is reported as not found. */
  const allowed = async ({ absolute, target }: Queued) => {
    if (options.allowOutside) return true;
    const via = target ? ` (target ${target.value} of the Location in ${target.in})` : '';
    if (!inside(root, absolute)) {
      refused.push(`${absolute}${via}`);
      return false;
    }
    const real = await realpath(absolute).catch(() => null);
    if (real !== null && !inside(tree, real)) {
      refused.push(`${absolute}${via}: a symbolic link to ${real}`);
      return false;
    }
    return true;
  };

  // The queue grows while it is walked; `seen` is the cycle guard (a → b → a reads each once).
  // Files are read a batch at a time, concurrently, and kept in queue order.
  for (let i = 0; i < queue.length;) {
    const batch: Queued[] = [];
    for (; i < queue.length && batch.length < READ_CONCURRENCY; i++) {
      const next = queue[i] as Queued;
      if (seen.has(next.absolute)) continue;
      seen.add(next.absolute);
      batch.push(next);
    }
    const contents = await Promise.all(
      batch.map(async (next) => ((await allowed(next)) ? readDescriptor(next.absolute) : null)),
    );
    for (const [index, { absolute }] of batch.entries()) {
      const content = contents[index];
      if (content === null || content === undefined) continue;
      const file: CatalogFile = { path: toRelative(root, absolute), content };
      files.push(file);
      for (const value of locationTargets(content)) {
        const target = { value, in: file.path };
        const found = await findTargetFiles(root, file.path, value, listings, options.allowOutside === true);
        if (found === 'outside') refused.push(`${value} (the Location in ${file.path}): a glob outside the tree`);
        else queue.push(...found.map((absolute) => ({ absolute, target })));
      }
    }
  }
  if (refused.length > 0) throw new OutsideTree(tree, refused.sort());
  return files;
}

const READ_CONCURRENCY = 64;

/** Directory listings, answered from the first walk when it already covered the directory. */
class Listings {
  constructor(
    private readonly walkedRoot: string | null,
    private readonly walked: string[],
  ) {}

  async under(dir: string): Promise<string[]> {
    if (this.walkedRoot && (dir === this.walkedRoot || dir.startsWith(this.walkedRoot + sep))) {
      const prefix = dir === this.walkedRoot ? dir : dir + sep;
      return this.walked.filter(
        (f) =>
          f.startsWith(prefix) &&
          !relative(dir, f)
            .split(sep)
            .some((part) => part.startsWith('.') || part === 'node_modules'),
      );
    }
    return listDescriptorFiles(dir);
  }
}

/** Every *.yaml / *.yml file below `dir`, sorted, skipping node_modules and dot-directories. */
async function listDescriptorFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return []; // an unreadable directory holds nothing we can import
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // Subdirectories are walked concurrently; the result keeps the sorted order.
  const parts = await Promise.all(
    entries.map(async (entry): Promise<string[]> => {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        const skip = entry.name === 'node_modules' || entry.name.startsWith('.');
        return skip ? [] : listDescriptorFiles(full);
      }
      // Symlinked files are read; symlinked directories are not walked, so a link loop cannot recurse forever.
      if (DESCRIPTOR_FILE.test(entry.name) && (entry.isFile() || (await isFile(full)))) return [full];
      return [];
    }),
  );
  return parts.flat();
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function readDescriptor(path: string): Promise<string | null> {
  try {
    const info = await stat(path);
    if (!info.isFile() || info.size > MAX_FILE_BYTES) return null;
    const content = await readFile(path, 'utf8');
    return content.startsWith('\uFEFF') ? content.slice(1) : content;
  } catch {
    return null; // a missing target is left out; parseCatalogFiles reports it as not found
  }
}

function toRelative(root: string, absolute: string): string {
  return relative(root, absolute).split(sep).join('/');
}

/** The target strings of the Location documents in a file; broken documents have none. */
function locationTargets(content: string): string[] {
  const targets: string[] = [];
  // Parsing every file twice costs seconds on a large catalog; only files that mention a Location are parsed here.
  if (!LOCATION_HINT.test(content)) return targets;
  try {
    const docs = parseAllDocuments(content, { logLevel: 'error' });
    if ('empty' in docs) return [];
    for (const doc of docs) {
      if (doc.errors.length > 0) continue;
      const value: unknown = doc.toJS();
      if (!isPlainObject(value) || typeof value.kind !== 'string' || value.kind.toLowerCase() !== 'location') continue;
      if (!isPlainObject(value.spec)) continue;
      const input = { spec: value.spec, namespace: 'default', problem: () => undefined };
      targets.push(...validateLocation(input).map((t) => t.target));
    }
  } catch {
    // parseCatalogFiles reports what is wrong with this file; here it just has no targets to follow.
  }
  return targets;
}

/**
 * Absolute paths of the local files a target names: one path, or the matches of a glob; 'outside' for a glob
 * whose folder is outside the tree (not even listed) unless `allowOutside`.
 */
async function findTargetFiles(
  root: string,
  fromFile: string,
  target: string,
  listings: Listings,
  allowOutside: boolean,
): Promise<string[] | 'outside'> {
  const resolved = resolveTarget(fromFile, target);
  if (resolved.kind === 'path') return [resolve(root, resolved.path)];
  if (resolved.kind !== 'glob') return [];
  let isMatch: (path: string) => boolean;
  try {
    isMatch = picomatch(resolved.pattern, { dot: true });
  } catch {
    return [];
  }
  const base = resolve(root, picomatch.scan(resolved.pattern).base);
  if (!allowOutside && !inside(root, base)) return 'outside';
  const candidates = await listings.under(base);
  return candidates.filter((file) => isMatch(toRelative(root, file)));
}
