import { LineCounter, parseAllDocuments } from 'yaml';
import type { Document } from 'yaml';
import { findNul, hasNul, NUL_REASON, printable } from '../../http/safe-text.js';
import {
  KNOWN_KINDS,
  MAX_DESCRIPTION,
  MAX_INDEXED_ANNOTATION,
  MAX_METADATA_KEY,
  MAX_METADATA_VALUE,
  MAX_TITLE,
} from './entity.js';
import type { CatalogFile, EntityKind, EntityLink, EntityMetadata, ImportProblem, ParsedEntity } from './entity.js';
import { formatEntityRef, isValidEntityName, isValidNamespace } from './entity-ref.js';
import { validateCapability } from './validate-capability.js';
import { isPlainObject, normalizePath, unfollowedTargets, validateLocation, validateSpec } from './validate-spec.js';
import type { SpecFacts } from './validate-spec.js';
import { SERVICE_ANNOTATION } from './service-mapping/annotations.js';

/** Annotations read through an index (service mapping): their values must fit an index entry. */
const INDEXED_ANNOTATIONS = new Set<string>(Object.values(SERVICE_ANNOTATION));

export interface SkippedDocument {
  file: string;
  document: number;
  kind: string;
}

export interface ParseCatalogResult {
  entities: ParsedEntity[];
  problems: ImportProblem[];
  warnings: ImportProblem[];
  /** Documents of kinds Paved does not read (Template, a Kubernetes Deployment, …). */
  skipped: SkippedDocument[];
}

const CAPABILITY_API_VERSION = 'paved.dev/v1alpha1';
const TAG_PATTERN = /^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$/;

interface ParseState extends ParseCatalogResult {
  /** Every path in the file set, normalised, for resolving Location targets. */
  paths: Set<string>;
  /** ref → location of its first definition. */
  defined: Map<string, string>;
}

/** Parses and validates descriptor files; never throws on bad input, every fault is a problem or a warning. */
export function parseCatalogFiles(files: CatalogFile[]): ParseCatalogResult {
  const state: ParseState = {
    entities: [],
    problems: [],
    warnings: [],
    skipped: [],
    paths: new Set(files.map((f) => normalizePath(f.path))),
    defined: new Map(),
  };
  const parsed = new Set<string>();
  for (const file of files) {
    // The same file given twice (`./a.yaml` and `a.yaml`) is read once, so it cannot duplicate its own entities.
    const key = normalizePath(file.path);
    if (parsed.has(key)) continue;
    parsed.add(key);
    parseFile(file, state);
  }
  const { entities, problems, warnings, skipped } = state;
  return { entities, problems, warnings, skipped };
}

function parseFile(file: CatalogFile, state: ParseState): void {
  // Paths are stored with each entity (its location); the API checks them, a caller of this function may not.
  if (hasNul(file.path)) {
    state.problems.push({ file: printable(file.path), document: 1, field: '(path)', reason: NUL_REASON });
    return;
  }
  const lineCounter = new LineCounter();
  // logLevel 'error' keeps the yaml package from printing warnings to the console.
  const docs = parseAllDocuments(file.content, { lineCounter, prettyErrors: false, logLevel: 'error' });
  if ('empty' in docs) {
    const error = docs.errors[0];
    if (error) state.problems.push(yamlProblem(file.path, 1, error, lineCounter));
    return;
  }
  docs.forEach((doc, i) => {
    const index = i + 1;
    const error = doc.errors[0];
    if (error) {
      // A broken document that says it is another tool's kind (a Helm template of a Deployment) is not ours.
      const kind = doc.get('kind');
      if (typeof kind === 'string' && canonicalKind(kind) === undefined) {
        state.skipped.push({ file: file.path, document: index, kind });
      } else {
        state.problems.push(yamlProblem(file.path, index, error, lineCounter));
      }
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS();
    } catch (e) {
      // e.g. an alias bomb: the yaml package refuses to expand it.
      const reason = e instanceof Error ? e.message : String(e);
      state.problems.push({ file: file.path, document: index, field: 'yaml', reason });
      return;
    }
    readDocument(file.path, index, value, state);
  });
}

function yamlProblem(
  file: string,
  document: number,
  error: Document.Parsed['errors'][number],
  lines: LineCounter,
): ImportProblem {
  const { line } = lines.linePos(error.pos[0]);
  return { file, document, field: 'yaml', reason: `line ${line}: ${error.message}` };
}

function canonicalKind(kind: string): EntityKind | undefined {
  return KNOWN_KINDS.find((k) => k.toLowerCase() === kind.toLowerCase());
}

function readDocument(file: string, document: number, value: unknown, state: ParseState): void {
  // Empty documents and other tools' YAML (workflows, compose files) are not descriptors at all.
  if (!isPlainObject(value) || (value.apiVersion === undefined && value.kind === undefined)) return;
  const problems: ImportProblem[] = [];
  const problem = (field: string, reason: string): void => {
    problems.push({ file, document, field, reason });
  };
  const location = `${file}:${document}`;
  // The database stores no NUL anywhere (text or jsonb): one such string refuses the whole document.
  const withNul = findNul(value);
  if (withNul !== null) {
    state.problems.push({ file, document, field: withNul, reason: NUL_REASON });
    return;
  }

  const kind = typeof value.kind === 'string' ? canonicalKind(value.kind) : undefined;
  if (typeof value.kind === 'string' && kind === undefined) {
    state.skipped.push({ file, document, kind: value.kind });
    return;
  }
  if (value.kind === undefined) problem('kind', 'is required');
  else if (kind === undefined) problem('kind', 'must be a string');
  const apiVersion = value.apiVersion;
  if (apiVersion === undefined) problem('apiVersion', 'is required');
  else if (typeof apiVersion !== 'string' || apiVersion.trim() === '') {
    problem('apiVersion', 'must be a non-empty string');
  } else if (kind === 'Capability' && apiVersion !== CAPABILITY_API_VERSION) {
    problem('apiVersion', `must be ${CAPABILITY_API_VERSION} for kind Capability`);
  }

  const meta = readMetadata(value.metadata, problem);
  let spec: Record<string, unknown> = {};
  if (isPlainObject(value.spec)) spec = value.spec;
  else if (value.spec !== undefined && value.spec !== null) problem('spec', 'must be an object');
  if (kind === undefined || typeof apiVersion !== 'string') {
    state.problems.push(...problems);
    return;
  }

  const namespace = meta.namespace ?? 'default';
  const input = { spec, namespace, problem: (field: string, reason: string) => problem(`spec.${field}`, reason) };
  if (kind === 'Location') {
    // Locations are followed, not stored; their targets are read by readCatalogTree and only checked here.
    for (const { field, reason } of unfollowedTargets(file, validateLocation(input), state.paths)) {
      state.warnings.push({ file, document, field: `spec.${field}`, reason });
    }
    state.problems.push(...problems);
    return;
  }
  const facts: SpecFacts =
    kind === 'Capability' ? validateCapability(meta.name ?? '(unnamed)', input) : validateSpec(kind, input);

  let ref: string | null = null;
  if (meta.name !== null && meta.namespace !== null) {
    ref = formatEntityRef({ kind, namespace, name: meta.name });
    const first = state.defined.get(ref);
    if (first !== undefined) problem('metadata.name', `duplicate of ${ref} defined at ${first}`);
    else state.defined.set(ref, location);
  }
  state.problems.push(...problems);
  if (problems.length > 0 || ref === null || meta.name === null) return;

  state.entities.push({
    apiVersion,
    kind,
    namespace,
    name: meta.name,
    ref,
    title: meta.title ?? (kind === 'Group' ? profileDisplayName(spec) : null),
    description: meta.description,
    ...facts,
    metadata: meta.metadata,
    spec,
    location,
  });
}

/** A Group's `spec.profile.displayName`, its title when `metadata.title` is absent (as Backstage shows it). */
function profileDisplayName(spec: Record<string, unknown>): string | null {
  const profile = spec.profile;
  if (!isPlainObject(profile)) return null;
  const name = profile.displayName;
  return typeof name === 'string' && name.trim() !== '' ? name : null;
}

interface ReadMetadata {
  /** null when missing or invalid (a problem was recorded). */
  name: string | null;
  namespace: string | null;
  title: string | null;
  description: string | null;
  metadata: EntityMetadata;
}

function readMetadata(value: unknown, problem: (field: string, reason: string) => void): ReadMetadata {
  const out: ReadMetadata = {
    name: null,
    namespace: null,
    title: null,
    description: null,
    metadata: { labels: {}, annotations: {}, tags: [], links: [] },
  };
  if (!isPlainObject(value)) {
    problem('metadata', value === undefined || value === null ? 'is required' : 'must be an object');
    return out;
  }
  const { name, namespace } = value;
  if (name === undefined || name === null) problem('metadata.name', 'is required');
  else if (typeof name !== 'string' || !isValidEntityName(name)) {
    const rule = '1-63 letters, digits, - _ . (starting and ending with a letter or digit)';
    problem('metadata.name', `${JSON.stringify(name)} is not a valid name: ${rule}`);
  } else out.name = name;
  if (namespace === undefined || namespace === null) out.namespace = 'default';
  else if (typeof namespace !== 'string' || !isValidNamespace(namespace)) {
    const rule = '1-63 lowercase letters, digits and single hyphens';
    problem('metadata.namespace', `${JSON.stringify(namespace)} is not a valid namespace: ${rule}`);
  } else out.namespace = namespace;

  for (const [key, max] of [
    ['title', MAX_TITLE],
    ['description', MAX_DESCRIPTION],
  ] as const) {
    const text = value[key];
    if (typeof text === 'string' && text.length > max) problem(`metadata.${key}`, `must be at most ${max} characters`);
    else if (typeof text === 'string') out[key] = text;
    else if (text !== undefined && text !== null) problem(`metadata.${key}`, 'must be a string');
  }
  out.metadata.labels = stringMap(value.labels, 'metadata.labels', problem);
  out.metadata.annotations = stringMap(value.annotations, 'metadata.annotations', problem);
  out.metadata.tags = tags(value.tags, problem);
  out.metadata.links = links(value.links, problem);
  return out;
}

function stringMap(value: unknown, field: string, problem: (f: string, r: string) => void): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (!isPlainObject(value)) {
    problem(field, 'must be a map of strings');
    return {};
  }
  const entries = Object.entries(value).filter(([key, v]) => {
    const max = INDEXED_ANNOTATIONS.has(key) ? MAX_INDEXED_ANNOTATION : MAX_METADATA_VALUE;
    if (key.length > MAX_METADATA_KEY)
      problem(`${field}.${key.slice(0, 40)}…`, `keys are at most ${MAX_METADATA_KEY} characters`);
    else if (typeof v !== 'string') problem(`${field}.${key}`, 'must be a string');
    else if (v.length > max) problem(`${field}.${key}`, `must be at most ${max} characters`);
    else return true;
    return false;
  });
  return Object.fromEntries(entries) as Record<string, string>;
}

function tags(value: unknown, problem: (f: string, r: string) => void): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problem('metadata.tags', 'must be a list of strings');
    return [];
  }
  return value.filter((tag: unknown, i): tag is string => {
    const valid = typeof tag === 'string' && tag.length <= 63 && TAG_PATTERN.test(tag);
    if (!valid) {
      const rule = 'lowercase letters, digits, : + # and single hyphens, at most 63';
      problem(`metadata.tags[${i}]`, `${JSON.stringify(tag)} is not a valid tag: ${rule}`);
    }
    return valid;
  });
}

function links(value: unknown, problem: (f: string, r: string) => void): EntityLink[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problem('metadata.links', 'must be a list of { url, title?, icon? }');
    return [];
  }
  const out: EntityLink[] = [];
  value.forEach((item: unknown, i) => {
    const field = `metadata.links[${i}]`;
    if (!isPlainObject(item)) return problem(field, 'must be { url, title?, icon? }');
    if (typeof item.url !== 'string' || item.url.trim() === '') {
      return problem(`${field}.url`, 'must be a non-empty string');
    }
    const link: EntityLink = { url: item.url };
    for (const key of ['title', 'icon'] as const) {
      const text = item[key];
      if (typeof text === 'string') link[key] = text;
      else if (text !== undefined && text !== null) problem(`${field}.${key}`, 'must be a string');
    }
    out.push(link);
  });
  return out;
}
