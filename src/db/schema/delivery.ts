import type { ColumnType } from 'kysely';

type Id = ColumnType<number, never, never>;
type Time = Date | string;

export interface DeploymentsTable {
  id: Id;
  source: string;
  external_id: string;
  repository: string | null;
  service_id: number | null;
  environment: string;
  commit_sha: string | null;
  finished_at: Time;
  delivery_id: number | null;
}

export interface ChangesTable {
  id: Id;
  source: string;
  repository: string;
  service_id: number | null;
  commit_sha: string;
  committed_at: Time;
  position: number;
  delivery_id: number | null;
}

export interface IncidentsTable {
  id: Id;
  source: string;
  external_id: string;
  service_id: number | null;
  external_service: string | null;
  title: string | null;
  severity: string | null;
  cause_tags: ColumnType<string[], string | undefined, string>;
  /** When not known (`trigger_time_known` false): the earliest event time seen, the latest it can have been. */
  triggered_at: Time;
  trigger_time_known: ColumnType<boolean, boolean | undefined, boolean>;
  resolved_at: Time | null;
  delivery_id: number | null;
  /** The incident's page at its sender; null when unknown. */
  url: string | null;
}
