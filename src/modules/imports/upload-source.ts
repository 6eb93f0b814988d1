import { createHash } from 'node:crypto';
import type { CatalogFile } from '../catalog/entity.js';

/**
 * The source of an upload that names none, from its content: `upload:<file name, or N files>@sha256:<16 hex>`.
 * A source decides orphaning (an import orphans the entities of its source that its files no longer hold), and
 * when every unnamed upload shared one default source, each orphaned the entities of the one before (two teams
 * each uploading their catalog-info.yaml). From the content, the same files uploaded again are the same source
 * and change nothing, and different files never orphan each other's entities. To have an upload replace an
 * earlier one, orphaning what it no longer lists, the caller names the source.
 */
export function uploadSource(files: CatalogFile[]): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    hash.update(file.path).update('\0').update(file.content).update('\0');
  }
  const label = files.length === 1 ? (files[0]?.path ?? '').slice(0, 200) : `${files.length} files`;
  return `upload:${label}@sha256:${hash.digest('hex').slice(0, 16)}`;
}
