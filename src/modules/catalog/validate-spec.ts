import { posix } from 'node:path';
import picomatch from 'picomatch';
import { formatEntityRef, parseEntityRef } from './entity-ref.js';
import type { EntityKind, EntityRelation } from './entity.js';

/** What one document's spec is checked against; `problem` records `spec.<field>: reason`. */
export interface SpecInput {
  spec: Record<string, unknown>;
  /** The entity's own namespace: the default for references written without one. */
  namespace: string;
  problem: (field: string, reason: string) => void;
}

/** The normalised facts a spec contributes to a ParsedEntity. */
export interface SpecFacts {
  ownerRef: string | null;
  type: string | null;
  lifecycle: string | null;
  parentRef: string | null;
  systemRef: string | null;
  relations: EntityRelation[];
}

export function emptyFacts(spec: Record<string, unknown>): SpecFacts {
  return {
    ownerRef: null,
    type: typeof spec.type === 'string' ? spec.type : null,
    lifecycle: typeof spec.lifecycle === 'string' ? spec.lifecycle : null,
    parentRef: null,
    systemRef: null,
    relations: [],
  };
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** A string field; records a problem and returns null when missing (if required) or not a non-empty string. */
export function stringField(input: SpecInput, key: string, required: boolean): string | null {
  const value = input.spec[key];
  if (value === undefined || value === null) {
    if (required) input.problem(key, 'is required');
    return null;
  }
  if (typeof value !== 'string' || value.trim() === '') {
    input.problem(key, 'must be a non-empty string');
    return null;
  }
  return value;
}

export function refField(input: SpecInput, key: string, defaultKind: string, required: boolean): string | null {
  const value = input.spec[key];
  if (value === undefined || value === null) {
    if (required) input.problem(key, 'is required');
    return null;
  }
  const ref = parseEntityRef(value, { defaultKind, defaultNamespace: input.namespace });
  if (typeof ref === 'string') {
    input.problem(key, ref);
    return null;
  }
  return formatEntityRef(ref);
}

export function refListField(input: SpecInput, key: string, defaultKind: string, required: boolean): string[] {
  const value = input.spec[key];
  if (value === undefined || value === null) {
    if (required) input.problem(key, 'is required');
    return [];
  }
  if (!Array.isArray(value)) {
    input.problem(key, 'must be a list of references');
    return [];
  }
  const refs: string[] = [];
  value.forEach((item, i) => {
    const ref = parseEntityRef(item, { defaultKind, defaultNamespace: input.namespace });
    if (typeof ref === 'string') input.problem(`${key}[${i}]`, ref);
    else refs.push(formatEntityRef(ref));
  });
  return refs;
}

function relate(facts: SpecFacts, type: string, targets: (string | null)[]): void {
  for (const targetRef of targets) {
    if (targetRef === null) continue;
    // A target listed twice is still one relation.
    if (!facts.relations.some((r) => r.type === type && r.targetRef === targetRef)) {
      facts.relations.push({ type, targetRef });
    }
  }
}

/**
 * API definitions are text, or Backstage's placeholder (`$text: ./openapi.yaml`) which Backstage itself
 * substitutes; both are stored as written.
 */
function checkApiDefinition(input: SpecInput): void {
  const value = input.spec.definition;
  if (value === undefined || value === null) return input.problem('definition', 'is required');
  if (typeof value === 'string' && value.trim() !== '') return;
  const keys = isPlainObject(value) ? Object.keys(value) : [];
  const placeholder = keys.length === 1 && ['$text', '$json', '$yaml'].includes(keys[0] ?? '');
  if (!placeholder || typeof (value as Record<string, unknown>)[keys[0] ?? ''] !== 'string') {
    input.problem('definition', 'must be a string or a $text, $json or $yaml placeholder');
  }
}

/**
 * API types whose Backstage schema (API.v1alpha1.<type>.schema.json) describes the API by its endpoints,
 * `spec.remotes`, instead of a `spec.definition`.
 */
const REMOTE_API_TYPES = new Set(['mcp-server', 'ai-model-server']);

/** `spec.remotes`: a non-empty list of `{ type, url }`, both non-empty strings (a stdio `url` may be a command). */
function checkApiRemotes(input: SpecInput): void {
  const value = input.spec.remotes;
  if (value === undefined || value === null) return input.problem('remotes', 'is required');
  if (!Array.isArray(value) || value.length === 0) {
    return input.problem('remotes', 'must be a non-empty list of { type, url }');
  }
  value.forEach((remote, i) => {
    if (!isPlainObject(remote)) return input.problem(`remotes[${i}]`, 'must be an object with type and url');
    for (const key of ['type', 'url']) {
      const field = remote[key];
      if (field === undefined || field === null) input.problem(`remotes[${i}].${key}`, 'is required');
      else if (typeof field !== 'string' || field.trim() === '') {
        input.problem(`remotes[${i}].${key}`, 'must be a non-empty string');
      }
    }
  });
}

/** Validates the spec of a Backstage kind (Capability and Location have their own) and derives its facts. */
export function validateSpec(kind: Exclude<EntityKind, 'Capability' | 'Location'>, input: SpecInput): SpecFacts {
  const facts = emptyFacts(input.spec);
  const needsType = kind === 'Component' || kind === 'API' || kind === 'Resource' || kind === 'Group';
  const needsLifecycle = kind === 'Component' || kind === 'API';
  if (needsType) facts.type = stringField(input, 'type', true);
  if (needsLifecycle) facts.lifecycle = stringField(input, 'lifecycle', true);
  if (kind !== 'Group' && kind !== 'User') facts.ownerRef = refField(input, 'owner', 'group', true);
  relate(facts, 'ownedBy', [facts.ownerRef]);

  switch (kind) {
    case 'Component':
    case 'API':
    case 'Resource':
      facts.systemRef = refField(input, 'system', 'system', false);
      relate(facts, 'partOf', [facts.systemRef]);
      if (kind === 'API' && facts.type !== null && REMOTE_API_TYPES.has(facts.type)) checkApiRemotes(input);
      else if (kind === 'API') checkApiDefinition(input);
      if (kind !== 'API') relate(facts, 'dependsOn', refListField(input, 'dependsOn', 'component', false));
      if (kind === 'Component') {
        relate(facts, 'providesApi', refListField(input, 'providesApis', 'api', false));
        relate(facts, 'consumesApi', refListField(input, 'consumesApis', 'api', false));
      }
      break;
    case 'System':
      facts.systemRef = refField(input, 'domain', 'domain', false);
      relate(facts, 'partOf', [facts.systemRef]);
      break;
    case 'Group':
      facts.parentRef = refField(input, 'parent', 'group', false);
      relate(facts, 'childOf', [facts.parentRef]);
      // The inverse childOf for each child is derived where the whole catalog is known, not per document.
      relate(facts, 'parentOf', refListField(input, 'children', 'group', true));
      relate(facts, 'hasMember', refListField(input, 'members', 'user', false));
      break;
    case 'User':
      relate(facts, 'memberOf', refListField(input, 'memberOf', 'group', true));
      break;
    case 'Domain':
      break;
  }
  return facts;
}

/** One target of a Location document, with the field it was written in (`target`, `targets[2]`). */
export interface LocationTarget {
  field: string;
  target: string;
}

/** Validates a Location's spec: `target` and/or `targets`, at least one. */
export function validateLocation(input: SpecInput): LocationTarget[] {
  const found: LocationTarget[] = [];
  const { target, targets } = input.spec;
  if (target !== undefined && target !== null) {
    if (typeof target === 'string' && target.trim() !== '') found.push({ field: 'target', target });
    else input.problem('target', 'must be a non-empty string');
  }
  if (targets !== undefined && targets !== null) {
    if (!Array.isArray(targets)) input.problem('targets', 'must be a list of strings');
    else
      targets.forEach((t, i) => {
        if (typeof t === 'string' && t.trim() !== '') found.push({ field: `targets[${i}]`, target: t });
        else input.problem(`targets[${i}]`, 'must be a non-empty string');
      });
  }
  if ((target === undefined || target === null) && (targets === undefined || targets === null)) {
    input.problem('target', 'is required (or spec.targets)');
  }
  return found;
}

export type ResolvedTarget =
  { kind: 'remote' } | { kind: 'absolute' } | { kind: 'path'; path: string } | { kind: 'glob'; pattern: string };

/**
 * Resolves a Location target against the directory of the file that holds it, with POSIX semantics, so the
 * result compares directly with CatalogFile paths (`teams/../a.yaml` → `a.yaml`, outside the root → `../x.yaml`).
 * Absolute paths are not followed: the file set is relative to a root the parser does not know.
 */
export function resolveTarget(fromFile: string, target: string): ResolvedTarget {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) return { kind: 'remote' };
  if (target.startsWith('/') || /^[A-Za-z]:[\\/]/.test(target)) return { kind: 'absolute' };
  const joined = posix.normalize(posix.join(posix.dirname(normalizePath(fromFile)), target));
  return picomatch.scan(target).isGlob ? { kind: 'glob', pattern: joined } : { kind: 'path', path: joined };
}

/** `./a/b.yaml` and `a//b.yaml` are `a/b.yaml`. */
export function normalizePath(path: string): string {
  return posix.normalize(path);
}

/** Targets that name no file of the set (or that are remote or absolute), each with the reason, for warnings. */
export function unfollowedTargets(
  file: string,
  targets: LocationTarget[],
  paths: Set<string>,
): { field: string; reason: string }[] {
  const out: { field: string; reason: string }[] = [];
  for (const { field, target } of targets) {
    const resolved = resolveTarget(file, target);
    if (resolved.kind === 'remote') out.push({ field, reason: 'remote targets are not followed' });
    else if (resolved.kind === 'absolute') out.push({ field, reason: 'absolute targets are not followed' });
    else if (resolved.kind === 'path' && !paths.has(resolved.path) && !paths.has(backInside(resolved.path))) {
      out.push({ field, reason: `${target} not found` });
    } else if (
      resolved.kind === 'glob' &&
      !globMatchesAny(resolved.pattern, paths) &&
      !globMatchesAny(backInside(resolved.pattern), paths)
    ) {
      out.push({ field, reason: `${target} matched no files` });
    }
  }
  return out;
}

/**
 * A target in a file outside the root can climb back into it: from `../shared/b.yaml`, `../catalog/a.yaml` is
 * `a.yaml` when the root is named `catalog`. Paths do not carry the root's name, so drop the climb (`..` k
 * times, then the k names walked back down) and look up what follows.
 */
function backInside(path: string): string {
  const segments = path.split('/');
  const up = segments.findIndex((s) => s !== '..');
  return up > 0 && segments.length > 2 * up ? segments.slice(2 * up).join('/') : path;
}

function globMatchesAny(pattern: string, paths: Set<string>): boolean {
  try {
    const isMatch = picomatch(pattern, { dot: true });
    return [...paths].some((path) => isMatch(path));
  } catch {
    return false; // a pattern picomatch refuses (over 64 KiB) matches nothing
  }
}
