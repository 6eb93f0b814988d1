import type { ColumnType, Generated, Selectable } from 'kysely';
import type { CreatedAt, JsonColumn } from './entities.js';

// Shipping (migration 0017): releases, what they close, feed tokens, subscriptions and announcements, notifications
// and follows, deprecation migrations, demos.
type Id = ColumnType<number, never, never>;
type MaybeTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type ReleaseType = 'feature' | 'fix' | 'breaking' | 'deprecation' | 'security';
export type ReleaseSource = 'paved' | 'cli' | 'github' | 'gitlab';

export interface ReleasesTable {
  id: Id;
  /** Null: a release from a repository no capability names (kept and listed). */
  capability_id: number | null;
  version: string;
  type: ReleaseType;
  title: string | null;
  notes: Generated<string>;
  released_at: CreatedAt;
  /** A deprecation's or breaking change's deadline (a date, as 'YYYY-MM-DD' text on read). */
  deadline: ColumnType<string | null, string | null | undefined, string | null>;
  /** Detect rules that find the old usage (null: the capability's own). */
  rules: ColumnType<unknown[] | null, string | null | undefined, string | null>;
  affected_at: MaybeTime;
  /** What the affected set was computed from (migration 0021); null until it is. */
  affected_basis: ColumnType<string | null, string | null | undefined, string | null>;
  source: Generated<ReleaseSource>;
  external_id: string | null;
  external_url: string | null;
  external_repository: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface ReleaseClosesTable {
  release_id: number;
  kind: 'request' | 'bug' | 'roadmap';
  target_id: number;
}

export interface FeedTokensTable {
  id: Id;
  token_hash: string;
  person_ref: string;
  name: string;
  created_at: CreatedAt;
  last_used_at: MaybeTime;
  revoked_at: MaybeTime;
}

export type SubscriptionKind = 'slack' | 'teams' | 'webhook';

export interface SubscriptionsTable {
  id: Id;
  kind: SubscriptionKind;
  name: string | null;
  url_sealed: string;
  url_host: string;
  secret_sealed: string | null;
  filter: JsonColumn<Record<string, unknown>>;
  created_by: string | null;
  created_at: CreatedAt;
  paused_at: MaybeTime;
  pause_reason: string | null;
}

export interface AnnouncementsTable {
  id: Id;
  release_id: number;
  subscription_id: number;
  status: Generated<'pending' | 'delivered' | 'failed'>;
  attempts: Generated<number>;
  next_attempt_at: MaybeTime;
  first_failed_at: MaybeTime;
  delivered_at: MaybeTime;
  created_at: CreatedAt;
}

export interface AnnouncementAttemptsTable {
  id: Id;
  announcement_id: number;
  attempted_at: CreatedAt;
  status_code: number | null;
  error: string | null;
  latency_ms: number;
  response_excerpt: string | null;
}

export interface NotificationsTable {
  id: Id;
  person_ref: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  dedupe_key: string;
  created_at: CreatedAt;
  read_at: MaybeTime;
}

export interface FollowsTable {
  person_ref: string;
  capability_id: number;
  created_at: CreatedAt;
}

export interface ReleaseMigrationsTable {
  release_id: number;
  repository_id: number;
  service_id: number | null;
  evidence: JsonColumn<unknown[]>;
  migrated_at: MaybeTime;
  migrated_scan_id: number | null;
}

/** A repository evaluated for a release with rules of its own, at its first scan after the release (0021). */
export interface ReleaseEvaluationsTable {
  release_id: number;
  repository_id: number;
  scan_id: number | null;
  evaluated_at: ColumnType<Date, Date | string, Date | string>;
}

export interface DemosTable {
  id: Id;
  capability_id: number;
  /** 'YYYY-MM-DD'. */
  held_on: ColumnType<string, string, string>;
  title: string | null;
  presenter: string | null;
  recording_url: string | null;
  slides_url: string | null;
  notes: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface DemoAttendanceTable {
  demo_id: number;
  team_id: number;
  /** A user ref, or a name or email as entered; '' when the team attended without names. */
  person: Generated<string>;
}

export type ReleaseRow = Selectable<ReleasesTable>;
