import type { ColumnType, Generated, Selectable } from 'kysely';
import type { CreatedAt } from './entities.js';

type Id = ColumnType<number, never, never>;
type Json<T> = ColumnType<T, string | undefined, string>;
type Time = Date | string;

export interface ScansTable {
  id: Id;
  root: string;
  history: Generated<boolean>;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  summary: Json<Record<string, unknown> | null> | null;
  problems: Json<string[]>;
  requested_by: string | null;
  created_at: CreatedAt;
  finished_at: Time | null;
}

export interface RepositoriesTable {
  id: Id;
  path: string;
  name: string;
  remote_url: string | null;
  service_id: number | null;
  head: string | null;
  head_date: Time | null;
  last_scan_id: number | null;
  last_scanned_at: Time | null;
  last_error: string | null;
}

export interface EvidenceItem {
  ruleIndex: number;
  file: string;
  line: number | null;
  text: string | null;
}

export interface DetectionsTable {
  repository_id: number;
  capability_id: number;
  matched: boolean;
  evidence: Json<EvidenceItem[]>;
  commit: string;
  commit_date: Time;
  adopted_at: Time;
  adoption_commit: string | null;
  from_history: Generated<boolean>;
  unmatched_since: Time | null;
  updated_at: CreatedAt;
}

export interface UsageEventsTable {
  id: Id;
  event_id: string | null;
  capability_id: number;
  service_id: number | null;
  team_id: number | null;
  actor: string | null;
  action: string | null;
  occurred_at: Time;
  count: Generated<number>;
  received_at: CreatedAt;
}

export interface DeclarationsTable {
  id: Id;
  capability_id: number;
  team_id: number;
  status: 'using' | 'stopped';
  effective_at: Time;
  note: string | null;
  declared_by: string | null;
  created_at: CreatedAt;
}

export interface MandatesTable {
  id: Id;
  capability_id: number;
  scope: 'all' | 'teams';
  team_refs: Json<string[]>;
  effective_from: Time;
  deadline: Time | null;
  note: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface CapabilityViewsTable {
  id: Id;
  capability_id: number;
  team_ref: string | null;
  subject: string;
  kind: 'page' | 'release-notes';
  viewed_at: CreatedAt;
  /** The release whose notes were viewed (migration 0017). */
  release_id: ColumnType<number | null, number | null | undefined, number | null>;
}

export type MandateRow = Selectable<MandatesTable>;
export type DetectionRow = Selectable<DetectionsTable>;
export type RepositoryRow = Selectable<RepositoriesTable>;
