/** A stored reference `kind:namespace/name`, split. Lenient: `name` alone means the default namespace. */
export function parseRef(ref: string): { kind: string | null; namespace: string; name: string } {
  const colon = ref.indexOf(':');
  const kind = colon >= 0 ? ref.slice(0, colon) : null;
  const rest = colon >= 0 ? ref.slice(colon + 1) : ref;
  const slash = rest.indexOf('/');
  return slash >= 0
    ? { kind, namespace: rest.slice(0, slash), name: rest.slice(slash + 1) }
    : { kind, namespace: 'default', name: rest };
}

const SECTION: Record<string, string> = {
  group: 'teams',
  team: 'teams',
  component: 'services',
  service: 'services',
  capability: 'capabilities',
};

/** The SPA path of an entity; null for kinds without a page (users, systems, APIs). */
export function entityPath(kind: string, name: string, namespace = 'default'): string | null {
  const section = SECTION[kind.toLowerCase()];
  if (!section) return null;
  const base = `/${section}/${encodeURIComponent(name)}`;
  return namespace === 'default' ? base : `${base}?namespace=${encodeURIComponent(namespace)}`;
}

export function pathOfRef(ref: string, fallbackKind = 'group'): string | null {
  const r = parseRef(ref);
  return entityPath(r.kind ?? fallbackKind, r.name, r.namespace);
}

/** `group:default/payments` → `payments`; other namespaces keep theirs. */
export function shortRef(ref: string): string {
  const r = parseRef(ref);
  return r.namespace === 'default' ? r.name : `${r.namespace}/${r.name}`;
}

/** Catalog text is untrusted: only http(s) links become clickable. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}
