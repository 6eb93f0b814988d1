/** A parsed entity reference; every part lowercase, because Backstage compares references case-insensitively. */
export interface EntityRef {
  kind: string;
  namespace: string;
  name: string;
}

export interface EntityRefDefaults {
  /** Kind to use when the text has no `kind:` prefix; without one such a reference is an error. */
  defaultKind?: string;
  defaultNamespace: string;
}

const NAME_PATTERN = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const NAMESPACE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const KIND_PATTERN = /^[A-Za-z][A-Za-z0-9]*$/;
const MAX_LENGTH = 63;

/** Backstage's `metadata.name` rule. */
export function isValidEntityName(name: string): boolean {
  return name.length <= MAX_LENGTH && NAME_PATTERN.test(name);
}

/** Backstage's `metadata.namespace` rule (a DNS label). */
export function isValidNamespace(namespace: string): boolean {
  return namespace.length <= MAX_LENGTH && NAMESPACE_PATTERN.test(namespace);
}

/**
 * Parses `[kind:][namespace/]name` the way Backstage's parseEntityRef does, then also checks each part
 * against the naming rules: a reference that breaks them could never point at a valid entity.
 * Returns the reference, or a reason string.
 */
export function parseEntityRef(text: unknown, defaults: EntityRefDefaults): EntityRef | string {
  if (typeof text !== 'string') return 'must be a string reference [kind:][namespace/]name';
  const form = `"${text}" is not a valid entity reference [kind:][namespace/]name`;
  let colon = text.indexOf(':');
  const slash = text.indexOf('/');
  // As in Backstage: a ':' after the '/' belongs to the name, which the name rule then rejects.
  if (slash !== -1 && slash < colon) colon = -1;
  const kind = colon === -1 ? defaults.defaultKind : text.slice(0, colon);
  const namespace = slash === -1 ? defaults.defaultNamespace : text.slice(colon + 1, slash);
  const name = text.slice(Math.max(colon + 1, slash + 1));

  if (kind === undefined) return `${form}: the kind is required`;
  if (kind === '' || namespace === '' || name === '') return form;
  if (kind.length > MAX_LENGTH || !KIND_PATTERN.test(kind)) return `${form}: invalid kind "${kind}"`;
  if (!isValidNamespace(namespace.toLowerCase())) return `${form}: invalid namespace "${namespace}"`;
  if (!isValidEntityName(name)) return `${form}: invalid name "${name}"`;
  return { kind: kind.toLowerCase(), namespace: namespace.toLowerCase(), name: name.toLowerCase() };
}

/** `kind:namespace/name`, lowercase: the stored form of every reference. */
export function formatEntityRef(ref: EntityRef): string {
  return `${ref.kind}:${ref.namespace}/${ref.name}`.toLowerCase();
}
