import { gunzipSync } from 'node:zlib';
import type { CatalogFile } from '../catalog/entity.js';

const BLOCK = 512;
const DESCRIPTOR = /\.ya?ml$/i;

const text = (block: Buffer, start: number, length: number) =>
  block
    .subarray(start, start + length)
    .toString('utf8')
    .replace(/\0.*$/s, '');

/** A pax header's `path` record ("27 path=some/long/name.yaml\n"), which replaces the next entry's name. */
function paxPath(body: Buffer): string | null {
  const match = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString('utf8'));
  return match?.[1] ?? null;
}

/**
 * The descriptor files (*.yaml, *.yml) of a .tar.gz, with their paths inside it, skipping node_modules and
 * dot-folders as the CLI does. A folder's single top directory is kept, so Location targets resolve as in the folder.
 * Returns a reason when the archive cannot be read.
 */
export function readTarGz(archive: Uint8Array, maxBytes: number): CatalogFile[] | string {
  let tar: Buffer;
  try {
    tar = gunzipSync(archive, { maxOutputLength: maxBytes });
  } catch {
    return `is not a gzip archive, or unpacks to more than ${Math.round(maxBytes / 1024 / 1024)} MB`;
  }
  const files: CatalogFile[] = [];
  let nextName: string | null = null;
  for (let at = 0; at + BLOCK <= tar.length;) {
    const header = tar.subarray(at, at + BLOCK);
    if (header.every((b) => b === 0)) break;
    const size = parseInt(text(header, 124, 12).trim() || '0', 8);
    if (Number.isNaN(size)) return 'is not a tar archive';
    const type = String.fromCharCode(header[156] ?? 0);
    const body = tar.subarray(at + BLOCK, at + BLOCK + size);
    at += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'x') nextName = paxPath(body) ?? nextName;
    else if (type === 'L') nextName = body.toString('utf8').replace(/\0.*$/s, '');
    else {
      const prefix = text(header, 345, 155);
      const name = nextName ?? (prefix ? `${prefix}/${text(header, 0, 100)}` : text(header, 0, 100));
      nextName = null;
      const path = name.replace(/^\.\//, '');
      const parts = path.split('/');
      const hidden = parts.slice(0, -1).some((p) => p === 'node_modules' || p.startsWith('.'));
      if ((type === '0' || type === '\0') && DESCRIPTOR.test(path) && !hidden)
        files.push({ path, content: body.toString('utf8').replace(/^\uFEFF/, '') });
    }
  }
  return files;
}
