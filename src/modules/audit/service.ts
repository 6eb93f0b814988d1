import type { AuditChanges } from '../../db/schema/audit.js';
import type { Db } from '../../db/schema/index.js';
import { channelOf, type Actor } from './actor.js';
import { redactChanges } from './redact.js';
import * as repo from './repo.js';

export interface AuditEntry {
  /** A verb: create, update, delete, import, revoke, reprocess, deliver, remap, record, scan… */
  action: string;
  /** What was written: its kind, its own id, and the catalog entity it concerns (for links and filters). */
  entity: { kind: string; id?: string | number | null; ref?: string | null };
  summary: string;
  /** `{ field: { before, after } }`; secrets are redacted here, whatever the caller passes. */
  changes?: AuditChanges | null;
}

// The actors (request principals) that recorded something: the safety net adds a generic entry for a write that
// recorded none. Kept by object, so a principal is forgotten with its request.
const recorded = new WeakSet<object>();

/** True when `who` has recorded an entry (in this process, since it was made). */
export function hasRecorded(who: object): boolean {
  return recorded.has(who);
}

/**
 * The one place the audit trail is written. Pass the transaction of the write it describes, so an entry exists
 * exactly when the write does.
 */
export async function recordAudit(db: Db, who: Actor, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  await repo.insertAuditRows(
    db,
    list.map((e) => ({
      actor: who.name,
      person: who.person,
      tokenId: who.tokenId,
      channel: channelOf(who),
      action: e.action,
      entityKind: e.entity.kind,
      entityId: e.entity.id === undefined || e.entity.id === null ? null : String(e.entity.id),
      entityRef: e.entity.ref ?? null,
      summary: e.summary,
      changes: e.changes ? redactChanges(e.changes) : null,
    })),
  );
  recorded.add(who);
}

const isPlain = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Nested objects as dotted fields (`spec.lifecycle`, `metadata.annotations.github.com/project-slug`); arrays whole. */
export function flatten(value: Record<string, unknown>, prefix = '', depth = 3): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlain(v) && depth > 1 && Object.keys(v).length > 0) Object.assign(out, flatten(v, path, depth - 1));
    else out[path] = v;
  }
  return out;
}

/**
 * The fields that differ between two states: a create is `before` null (every field created), a delete `after`
 * null (every field removed).
 */
export function diffFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): AuditChanges {
  const a = before ? flatten(before) : {};
  const b = after ? flatten(after) : {};
  const changes: AuditChanges = {};
  for (const field of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const was = a[field] ?? null;
    const is = b[field] ?? null;
    if (JSON.stringify(was) !== JSON.stringify(is)) changes[field] = { before: was, after: is };
  }
  return changes;
}

/** "3 created · 1 updated": the counts of a run, for an entry's summary, leaving out zeros. */
export function countsText(counts: Record<string, number>): string {
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`);
  return parts.length ? parts.join(' · ') : 'nothing changed';
}
