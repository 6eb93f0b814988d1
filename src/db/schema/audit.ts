import type { ColumnType, Selectable } from 'kysely';
import type { CreatedAt } from './entities.js';

export type AuditChannel = 'api' | 'ui' | 'cli' | 'webhook' | 'job';

/** A field's value before and after a write; null before a create, null after a delete. */
export type AuditChanges = Record<string, { before: unknown; after: unknown }>;

export interface AuditLogTable {
  id: ColumnType<number, never, never>;
  at: CreatedAt;
  /** Who is credited: a person, a token's name, `cli:<os user>`, `webhook:<sender>`. */
  actor: string;
  /** The catalog User acting, when a person did. */
  person: string | null;
  token_id: number | null;
  channel: AuditChannel;
  action: string;
  entity_kind: string;
  /** The row's own id (a token, mandate, import…), when it has one. */
  entity_id: string | null;
  /** The catalog entity concerned (the capability of a mandate), for links and filters. */
  entity_ref: string | null;
  summary: string;
  changes: ColumnType<AuditChanges | null, string | null, never>;
}

export type AuditRow = Selectable<AuditLogTable>;
