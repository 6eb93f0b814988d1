import type { AuditRow } from '../../db/schema/audit.js';
import type { Db } from '../../db/schema/index.js';
import { AppError } from '../../http/errors.js';
import type { AuditEntryView, AuditPage, AuditQuery } from './contract.js';
import { decodeIdCursor, encodeIdCursor } from '../../http/id-cursor.js';
import * as repo from './repo.js';

export function toAuditEntry(row: AuditRow): AuditEntryView {
  return {
    id: String(row.id),
    at: new Date(row.at).toISOString(),
    actor: row.actor,
    person: row.person,
    tokenId: row.token_id === null ? null : Number(row.token_id),
    channel: row.channel,
    action: row.action,
    entity: { kind: row.entity_kind, id: row.entity_id, ref: row.entity_ref },
    summary: row.summary,
    changes: row.changes,
  };
}

/** A page of the trail, newest first, with the cursor of the next (older) page. */
export async function listAuditPage(db: Db, query: AuditQuery): Promise<AuditPage> {
  if (query.from && query.to && query.from >= query.to)
    throw new AppError('VALIDATION_FAILED', 'from: must be before to', [
      { field: 'from', reason: 'must be before to' },
    ]);
  const rows = await repo.listAudit(db, {
    actor: query.actor,
    entityKind: query.kind,
    entityRef: query.entity,
    action: query.action,
    channel: query.channel,
    from: query.from,
    to: query.to,
    q: query.q,
    before: decodeIdCursor(query.cursor),
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toAuditEntry),
    nextCursor: rows.length > query.limit && last ? encodeIdCursor(last.id) : null,
  };
}
