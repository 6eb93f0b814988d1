import { sql } from 'kysely';
import type { AuditChannel, AuditChanges } from '../../db/schema/audit.js';
import type { Db } from '../../db/schema/index.js';

export interface NewAuditRow {
  actor: string;
  person: string | null;
  tokenId: number | null;
  channel: AuditChannel;
  action: string;
  entityKind: string;
  entityId: string | null;
  entityRef: string | null;
  summary: string;
  changes: AuditChanges | null;
}

export async function insertAuditRows(db: Db, rows: NewAuditRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('audit_log')
    .values(
      rows.map((r) => ({
        actor: r.actor,
        person: r.person,
        token_id: r.tokenId,
        channel: r.channel,
        action: r.action,
        entity_kind: r.entityKind,
        entity_id: r.entityId,
        entity_ref: r.entityRef,
        summary: r.summary,
        changes: r.changes === null ? null : JSON.stringify(r.changes),
      })),
    )
    .execute();
}

export interface AuditFilter {
  actor?: string | undefined;
  entityKind?: string | undefined;
  entityRef?: string | undefined;
  action?: string | undefined;
  channel?: AuditChannel | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  q?: string | undefined;
  /** Rows older than this id (the cursor). */
  before?: number | undefined;
  limit: number;
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Newest first. */
export async function listAudit(db: Db, f: AuditFilter) {
  let query = db.selectFrom('audit_log').selectAll();
  if (f.actor) query = query.where(sql<string>`lower(actor)`, '=', f.actor.toLowerCase());
  if (f.entityKind) query = query.where('entity_kind', '=', f.entityKind);
  if (f.entityRef) query = query.where('entity_ref', '=', f.entityRef);
  if (f.action) query = query.where('action', '=', f.action);
  if (f.channel) query = query.where('channel', '=', f.channel);
  if (f.from) query = query.where('at', '>=', f.from);
  if (f.to) query = query.where('at', '<', f.to);
  if (f.before !== undefined) query = query.where('id', '<', f.before);
  if (f.q) {
    const pattern = likePattern(f.q);
    query = query.where((eb) =>
      eb.or([
        eb('summary', 'ilike', pattern),
        eb('actor', 'ilike', pattern),
        eb('entity_ref', 'ilike', pattern),
        eb('entity_id', 'ilike', pattern),
      ]),
    );
  }
  return query.orderBy('id', 'desc').limit(f.limit).execute();
}
