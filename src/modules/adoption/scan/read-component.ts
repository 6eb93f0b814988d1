import { parseAllDocuments } from 'yaml';
import type { ObjectReader } from './object-reader.js';
import type { FileEntry } from './read-tree.js';

export interface ComponentName {
  name: string;
  namespace: string;
}

/** Backstage's descriptor file names, in the order they are looked for at the repository root. */
const DESCRIPTORS = ['catalog-info.yaml', 'catalog-info.yml'];
const ENTITY_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const MAX_DESCRIPTOR_BYTES = 1024 * 1024;

/**
 * The Component a `catalog-info.yaml` at the repository root names (the first, when it holds several), so the
 * repository can be tied to its service. Problems (unreadable YAML, an invalid name) are reported, not thrown.
 */
export async function readComponent(
  entries: FileEntry[],
  reader: ObjectReader,
  problems: string[],
): Promise<ComponentName | null> {
  const file = DESCRIPTORS.map((name) => entries.find((e) => e.path === name && e.mode !== '120000')).find((e) => e);
  if (!file) return null;
  const blob = await reader.read(file.oid, MAX_DESCRIPTOR_BYTES);
  if (!blob?.content) {
    problems.push(`${file.path}: not read (${blob ? 'over 1 MB' : 'missing object'})`);
    return null;
  }
  const components: ComponentName[] = [];
  for (const document of parseAllDocuments(blob.content.toString('utf8'))) {
    if (document.errors.length > 0) {
      problems.push(`${file.path}: invalid YAML: ${document.errors[0]?.message.split('\n')[0] ?? ''}`);
      continue;
    }
    let value: unknown;
    try {
      value = document.toJS();
    } catch (error) {
      problems.push(`${file.path}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const component = componentOf(value);
    if (component === 'invalid') problems.push(`${file.path}: a Component without a valid metadata.name or namespace`);
    else if (component) components.push(component);
  }
  if (components.length > 1) problems.push(`${file.path}: names ${components.length} Components; the first is used`);
  return components[0] ?? null;
}

function componentOf(value: unknown): ComponentName | 'invalid' | null {
  if (!isObject(value) || value.kind !== 'Component') return null;
  const metadata = isObject(value.metadata) ? value.metadata : {};
  const { name } = metadata;
  const namespace = metadata.namespace ?? 'default';
  if (!isEntityName(name) || !isEntityName(namespace)) return 'invalid';
  return { name, namespace };
}

function isEntityName(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 63 && ENTITY_NAME.test(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
