import type { ColumnType } from 'kysely';
import type { CreatedAt, JsonColumn } from './entities.js';

/** A calendar date (`2025-03-01`); repos read it back as text so both backends give the same string. */
type CalendarDate = ColumnType<string, string, string>;

export interface ConversationsTable {
  id: ColumnType<number, never, never>;
  team_id: number;
  /** The platform team the conversation is credited to; null: an organisation admin's, for no platform team. */
  platform_team_id: number | null;
  occurred_on: CalendarDate;
  /** Who took part, as typed (names or user refs). */
  people: JsonColumn<string[]>;
  channel: string | null;
  notes: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface ConversationPainsTable {
  conversation_id: number;
  pain_id: number;
}

export interface EngagementsTable {
  id: ColumnType<number, never, never>;
  team_id: number;
  platform_team_id: number | null;
  engineer: string;
  starts_on: CalendarDate;
  /** Null: ongoing. */
  ends_on: ColumnType<string | null, string | null | undefined, string | null>;
  goals: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}
