import type { ColumnType, Selectable } from 'kysely';
import type { CreatedAt, JsonColumn } from './entities.js';

export type Role = 'admin' | 'member' | 'viewer';

export interface ApiTokensTable {
  id: ColumnType<number, never, never>;
  name: string;
  role: Role;
  scopes: ColumnType<string[], string | undefined, string>;
  token_hash: string;
  team_ref: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  last_used_at: Date | string | null;
  expires_at: Date | string | null;
  revoked_at: Date | string | null;
}

export interface SessionsTable {
  id_hash: string;
  method: 'token' | 'password' | 'oidc';
  token_id: number | null;
  subject: string;
  role: Role;
  created_at: CreatedAt;
  expires_at: Date | string;
  revoked_at: Date | string | null;
}

export type ApiTokenRow = Selectable<ApiTokensTable>;
export type SessionRow = Selectable<SessionsTable>;
export type { JsonColumn };
