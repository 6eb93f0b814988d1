import { printable } from '../../http/safe-text.js';

/** Backstage entity kinds Paved reads, plus its own Capability kind. */
export const KNOWN_KINDS = [
  'Group',
  'User',
  'Component',
  'System',
  'Domain',
  'API',
  'Resource',
  'Location',
  'Capability',
] as const;
export type EntityKind = (typeof KNOWN_KINDS)[number];

/**
 * Bounds on descriptor text. The search vector (name, title, description) then stays far below PostgreSQL's 1 MB
 * per tsvector (20,000 characters are at most 80 kB), and the annotations that are indexed (the service-mapping
 * ones) below its 2,704 bytes per index entry (500 characters are at most 2,000 bytes).
 */
export const MAX_TITLE = 1_000;
export const MAX_DESCRIPTION = 20_000;
export const MAX_METADATA_KEY = 320;
export const MAX_METADATA_VALUE = 4_000;
export const MAX_INDEXED_ANNOTATION = 500;

export const CAPABILITY_LIFECYCLES = ['experimental', 'beta', 'ga', 'deprecated', 'retired'] as const;
export type CapabilityLifecycle = (typeof CAPABILITY_LIFECYCLES)[number];

export const DEPENDENCY_ECOSYSTEMS = ['npm', 'python', 'go', 'maven'] as const;

export type DetectRule =
  | { files: string; pattern?: string }
  | { dependency: { ecosystem: (typeof DEPENDENCY_ECOSYSTEMS)[number]; name: string } };

export interface EntityLink {
  url: string;
  title?: string;
  icon?: string;
}

export interface EntityMetadata {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  tags: string[];
  links: EntityLink[];
}

export interface EntityRelation {
  /** ownedBy, childOf, memberOf, partOf, dependsOn, providesApi, consumesApi */
  type: string;
  /** Full lowercase reference, `kind:namespace/name`. */
  targetRef: string;
}

/** One valid descriptor document, normalised for storage. Location documents are not entities. */
export interface ParsedEntity {
  apiVersion: string;
  kind: EntityKind;
  namespace: string;
  name: string;
  /** `kind:namespace/name`, lowercase. */
  ref: string;
  title: string | null;
  description: string | null;
  /** Full ref of spec.owner (default kind `group`), or null. */
  ownerRef: string | null;
  /** spec.type (Component, API, Resource, Group) or null. */
  type: string | null;
  lifecycle: string | null;
  /** Group spec.parent as a full group ref. */
  parentRef: string | null;
  /** Component/API/Resource spec.system, or System spec.domain, as a full ref. */
  systemRef: string | null;
  metadata: EntityMetadata;
  /** spec as written (Capability detect rules included). */
  spec: Record<string, unknown>;
  relations: EntityRelation[];
  /** `file:document-index` it came from (1-based index). */
  location: string;
}

/** A problem with a document: `file:document-index: field: reason`. */
export interface ImportProblem {
  file: string;
  document: number;
  field: string;
  reason: string;
}

/** Problems are stored with the import: a NUL quoted from the input is written as `\0`, which text can hold. */
export function formatProblem(p: ImportProblem): string {
  return printable(`${p.file}:${p.document}: ${p.field}: ${p.reason}`);
}

export type { CatalogFile } from '../../connectors/backstage/catalog-file.js';
