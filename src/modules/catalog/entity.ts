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

export function formatProblem(p: ImportProblem): string {
  return `${p.file}:${p.document}: ${p.field}: ${p.reason}`;
}

export type { CatalogFile } from '../../connectors/backstage/catalog-file.js';
