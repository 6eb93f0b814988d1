import type { ColumnType, Generated, Selectable } from 'kysely';
import type { CreatedAt, JsonColumn } from './entities.js';

type MaybeTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** A survey wave (migration 0014): who it targets, which capabilities it asks about, when it closes. */
export interface SurveyWavesTable {
  id: ColumnType<number, never, never>;
  title: string;
  /** Group refs targeted, resolved at creation. */
  teams: JsonColumn<string[]>;
  /** The wave targeted every customer team (the refs above are those teams at creation). */
  all_teams: Generated<boolean>;
  opens_at: CreatedAt;
  closes_at: MaybeTime;
  status: Generated<'open' | 'closed'>;
  created_by: string;
  created_at: CreatedAt;
}

export interface SurveyWaveCapabilitiesTable {
  wave_id: number;
  capability_id: number;
  position: number;
}

export interface SurveyInvitationsTable {
  id: ColumnType<number, never, never>;
  wave_id: number;
  /** The catalog User invited (`user:default/jane`). */
  person_ref: string;
  /** The person's group refs when invited. */
  teams: JsonColumn<string[]>;
  /** The token is HMAC(derived key, nonce): the nonce alone does not give the link. */
  token_nonce: string;
  /** sha256 of the token, hex: how an answer finds its invitation. */
  token_hash: string;
  created_at: CreatedAt;
}

export interface SurveyAnswersTable {
  invitation_id: number;
  nps: number;
  comment: string | null;
  answered_at: CreatedAt;
}

export interface SurveyCsatScoresTable {
  invitation_id: number;
  capability_id: number;
  score: number;
}

export type SurveyWaveRow = Selectable<SurveyWavesTable>;
export type SurveyInvitationRow = Selectable<SurveyInvitationsTable>;
