import type { ColumnType, Generated, Selectable } from 'kysely';
import type { CreatedAt, JsonColumn } from './entities.js';

export type FeedbackKind = 'pain' | 'request' | 'bug' | 'support';
export type FeedbackSource = 'paved' | 'csv' | 'github' | 'gitlab';
type Time = ColumnType<Date, Date | string | undefined, Date | string>;
type MaybeTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** Pains, requests, bugs and support requests (see migration 0013 for what each time means per kind). */
export interface FeedbackTable {
  id: ColumnType<number, never, never>;
  kind: FeedbackKind;
  team_id: number | null;
  capability_id: number | null;
  /** Support: the platform team the request went to. */
  platform_team_id: number | null;
  author_ref: string | null;
  author_name: string | null;
  title: string;
  body: string | null;
  category: string | null;
  severity: number | null;
  hours_lost_per_week: number | null;
  status: string;
  opened_at: Time;
  responded_at: MaybeTime;
  closed_at: MaybeTime;
  problem_id: number | null;
  impact: number | null;
  confidence: number | null;
  effort: number | null;
  source: Generated<FeedbackSource>;
  external_id: string | null;
  external_url: string | null;
  external_repository: string | null;
  external_author: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface RequestVotesTable {
  request_id: number;
  person_ref: string;
  /** The voter's teams (refs) at the time of the vote. */
  teams: JsonColumn<string[]>;
  voted_at: CreatedAt;
}

export interface FeedbackCommentsTable {
  id: ColumnType<number, never, never>;
  item_id: number;
  author_ref: string | null;
  author_name: string;
  body: string;
  created_at: CreatedAt;
  source: Generated<string>;
  external_id: string | null;
}

export interface SlaPoliciesTable {
  capability_id: number;
  severity: number;
  acknowledge_hours: number;
  fix_hours: number;
}

export interface SupportCategoriesTable {
  category: string;
  capability_id: number | null;
}

export interface ProblemsTable {
  id: ColumnType<number, never, never>;
  title: string;
  description: string | null;
  status: Generated<'open' | 'solved' | 'dismissed'>;
  capability_id: number | null;
  impact: number | null;
  confidence: number | null;
  effort: number | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface DismissedSuggestionsTable {
  id: ColumnType<number, never, never>;
  item_ids: JsonColumn<number[]>;
  dismissed_by: string | null;
  dismissed_at: CreatedAt;
}

export type RoadmapStatus = 'now' | 'next' | 'later' | 'done';

export interface RoadmapItemsTable {
  id: ColumnType<number, never, never>;
  title: string;
  description: string | null;
  capability_id: number | null;
  status: Generated<RoadmapStatus>;
  target_quarter: string | null;
  impact: number | null;
  confidence: number | null;
  effort: number | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface RoadmapLinksTable {
  roadmap_id: number;
  kind: 'problem' | 'request';
  target_id: number;
}

export type FeedbackRow = Selectable<FeedbackTable>;
export type ProblemRow = Selectable<ProblemsTable>;
export type RoadmapItemRow = Selectable<RoadmapItemsTable>;
