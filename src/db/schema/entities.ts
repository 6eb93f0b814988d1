import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

export type JsonColumn<T> = ColumnType<T, string, string>;
export type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export interface EntitiesTable {
  id: ColumnType<number, never, never>;
  ref: string;
  kind: string;
  namespace: string;
  name: string;
  title: string | null;
  description: string | null;
  owner_ref: string | null;
  type: string | null;
  lifecycle: string | null;
  parent_ref: string | null;
  system_ref: string | null;
  metadata: JsonColumn<Record<string, unknown>>;
  spec: JsonColumn<Record<string, unknown>>;
  source: string;
  location: string | null;
  status: Generated<'active' | 'orphaned'>;
  content_hash: string;
  created_at: CreatedAt;
  updated_at: CreatedAt;
  orphaned_at: Date | string | null;
  search: ColumnType<string, never, never>;
}

export interface EntityRelationsTable {
  source_id: number;
  type: string;
  target_ref: string;
}

export interface EntityEventsTable {
  id: ColumnType<number, never, never>;
  entity_id: number;
  import_id: number | null;
  action: 'created' | 'updated' | 'orphaned' | 'restored';
  at: CreatedAt;
  actor: string | null;
}

export type EntityRow = Selectable<EntitiesTable>;
export type NewEntity = Insertable<EntitiesTable>;
export type EntityUpdate = Updateable<EntitiesTable>;
