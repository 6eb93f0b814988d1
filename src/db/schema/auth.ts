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
  /** The catalog User a personal token acts for; null for a service token. */
  person_ref: ColumnType<string | null, string | null | undefined, string | null>;
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
  /** Absolute expiry. */
  expires_at: Date | string;
  revoked_at: Date | string | null;
  /** The catalog User a person's session acts for (null: a token's session, or someone the catalog did not know). */
  person_ref: ColumnType<string | null, string | null | undefined, string | null>;
  /** The email a person signed in with (lower case). */
  person_email: ColumnType<string | null, string | null | undefined, string | null>;
  /** The provider's groups claim held an admin group at sign-in. */
  idp_admin: ColumnType<boolean, boolean | undefined, boolean>;
  /** Idle expiry counts from here. */
  last_seen_at: ColumnType<Date | string, Date | string | undefined, Date | string>;
}

export interface OidcLoginsTable {
  id_hash: string;
  state: string;
  nonce: string;
  code_verifier: string;
  /** The page to go back to after sign-in: a relative path. */
  return_to: string;
  expires_at: Date | string;
}

export type ApiTokenRow = Selectable<ApiTokensTable>;
export type SessionRow = Selectable<SessionsTable>;
export type { JsonColumn };
