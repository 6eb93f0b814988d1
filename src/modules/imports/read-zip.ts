import { inflateRawSync } from 'node:zlib';
import type { CatalogFile } from '../catalog/entity.js';

const DESCRIPTOR = /\.ya?ml$/i;
const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

const limit = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${bytes} bytes`);

/** Where the end-of-central-directory record starts: in the last 22 bytes plus at most a 64 KiB comment. */
function endOfDirectory(zip: Buffer): number {
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--)
    if (zip.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  return -1;
}

/**
 * The descriptor files (*.yaml, *.yml) of a .zip, with their paths inside it, skipping node_modules and dot-folders
 * as the CLI does (a folder's single top directory is kept, as in readTarGz). Reads stored and deflated entries,
 * as zip tools write them, through node:zlib; refuses encrypted entries and ZIP64 archives (over 4 GB, far past
 * the upload limit). What the descriptors unpack to is bounded by `maxBytes` in all. Returns a reason when the
 * archive cannot be read.
 */
export function readZip(archive: Uint8Array, maxBytes: number): CatalogFile[] | string {
  const zip = Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength);
  const end = zip.length >= 22 ? endOfDirectory(zip) : -1;
  if (end < 0) return 'is not a zip archive';
  const count = zip.readUInt16LE(end + 10);
  const start = zip.readUInt32LE(end + 16);
  if (count === 0xffff || start === 0xffffffff) return 'is a ZIP64 archive, which is not read';
  const files: CatalogFile[] = [];
  let budget = maxBytes;
  let at = start;
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== DIRECTORY_ENTRY)
      return 'is not a zip archive (its directory is damaged)';
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const path = zip
      .subarray(at + 46, at + 46 + nameLength)
      .toString('utf8')
      .replace(/\\/g, '/')
      .replace(/^\.\//, '');
    at += 46 + skip;

    const parts = path.split('/');
    const hidden = parts.slice(0, -1).some((p) => p === 'node_modules' || p.startsWith('.'));
    if (path.endsWith('/') || !DESCRIPTOR.test(path) || hidden) continue;
    if (flags & 1) return `holds an encrypted file (${path}), which is not read`;
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL_HEADER) return `is damaged at ${path}`;
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + compressed);
    if (data.length !== compressed) return `is damaged at ${path}`;
    if (size > budget) return `unpacks to more than ${limit(maxBytes)}`;
    let content: Buffer;
    if (method === STORED) content = data;
    else if (method === DEFLATED) {
      try {
        content = inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
      } catch {
        return `is damaged at ${path}, or unpacks to more than ${limit(maxBytes)}`;
      }
    } else return `compresses ${path} with method ${method}; only stored and deflated files are read`;
    if (content.length > budget) return `unpacks to more than ${limit(maxBytes)}`;
    budget -= content.length;
    files.push({ path, content: content.toString('utf8').replace(/^\uFEFF/, '') });
  }
  return files;
}
