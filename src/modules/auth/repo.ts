import type { Role } from '../../db/schema/auth.js';
import type { Db } from '../../db/schema/index.js';

export async function insertToken(
  db: Db,
  token: {
    name: string;
    role: Role;
    tokenHash: string;
    scopes: string[];
    createdBy: string | null;
    teamRef?: string | null;
    personRef?: string | null;
  },
) {
  return db
    .insertInto('api_tokens')
    .values({
      name: token.name,
      role: token.role,
      token_hash: token.tokenHash,
      scopes: JSON.stringify(token.scopes),
      created_by: token.createdBy,
      team_ref: token.teamRef ?? null,
      person_ref: token.personRef ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findActiveTokenByHash(db: Db, tokenHash: string) {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', new Date())]))
    .executeTakeFirst();
}

/** Any token with this hash, revoked or not: hashes are unique, so a revoked secret cannot be issued again. */
export async function findTokenByHash(db: Db, tokenHash: string) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'revoked_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function touchToken(db: Db, id: number) {
  await db.updateTable('api_tokens').set({ last_used_at: new Date() }).where('id', '=', id).execute();
}

/** Every token, or a person's own (`personRef`). */
export async function listTokens(db: Db, where: { personRef?: string } = {}) {
  let query = db
    .selectFrom('api_tokens')
    .select([
      'id',
      'name',
      'role',
      'scopes',
      'team_ref',
      'person_ref',
      'created_by',
      'created_at',
      'last_used_at',
      'revoked_at',
    ]);
  if (where.personRef !== undefined) query = query.where('person_ref', '=', where.personRef);
  return query.orderBy('id').execute();
}

/** Revokes matching active tokens and the sessions opened with them; `personRef` limits it to a person's own. */
export async function revokeTokens(db: Db, where: { id?: number; name?: string; personRef?: string }) {
  let query = db.updateTable('api_tokens').set({ revoked_at: new Date() }).where('revoked_at', 'is', null);
  if (where.id !== undefined) query = query.where('id', '=', where.id);
  if (where.name !== undefined) query = query.where('name', '=', where.name);
  if (where.personRef !== undefined) query = query.where('person_ref', '=', where.personRef);
  const result = await query.returning(['id']).execute();
  const ids = result.map((r) => r.id);
  if (ids.length > 0) {
    await db.updateTable('sessions').set({ revoked_at: new Date() }).where('token_id', 'in', ids).execute();
  }
  return ids.length;
}

export async function countActiveAdminTokens(db: Db) {
  const row = await db
    .selectFrom('api_tokens')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('role', '=', 'admin')
    .where('revoked_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.count;
}

export async function insertSession(
  db: Db,
  session: {
    idHash: string;
    method: 'token' | 'oidc';
    tokenId: number | null;
    subject: string;
    role: Role;
    expiresAt: Date;
    personRef: string | null;
    personEmail: string | null;
    idpAdmin: boolean;
  },
) {
  await db
    .insertInto('sessions')
    .values({
      id_hash: session.idHash,
      method: session.method,
      token_id: session.tokenId,
      subject: session.subject,
      role: session.role,
      expires_at: session.expiresAt,
      person_ref: session.personRef,
      person_email: session.personEmail,
      idp_admin: session.idpAdmin,
    })
    .execute();
}

/**
 * The live session (not revoked, before its absolute expiry, used since `idleSince`) and, when it was opened with a
 * token, that token while it is still active.
 */
export async function findActiveSession(db: Db, idHash: string, idleSince: Date) {
  const now = new Date();
  const row = await db
    .selectFrom('sessions')
    .leftJoin('api_tokens', (join) =>
      join
        .onRef('api_tokens.id', '=', 'sessions.token_id')
        .on('api_tokens.revoked_at', 'is', null)
        .on((eb) => eb.or([eb('api_tokens.expires_at', 'is', null), eb('api_tokens.expires_at', '>', now)])),
    )
    .select([
      'sessions.method',
      'sessions.subject',
      'sessions.person_ref',
      'sessions.person_email',
      'sessions.idp_admin',
      'sessions.last_seen_at',
      'api_tokens.id as token_row_id',
      'api_tokens.role as token_role',
      'api_tokens.scopes as token_scopes',
      'api_tokens.team_ref as token_team_ref',
      'api_tokens.person_ref as token_person_ref',
    ])
    .where('sessions.id_hash', '=', idHash)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', now)
    .where('sessions.last_seen_at', '>', idleSince)
    .executeTakeFirst();
  if (!row) return undefined;
  const token =
    row.token_row_id !== null && row.token_role !== null
      ? {
          id: row.token_row_id,
          role: row.token_role,
          scopes: row.token_scopes ?? [],
          team_ref: row.token_team_ref,
          person_ref: row.token_person_ref,
        }
      : null;
  return {
    method: row.method,
    subject: row.subject,
    personRef: row.person_ref,
    personEmail: row.person_email,
    idpAdmin: row.idp_admin,
    lastSeenAt: row.last_seen_at,
    token,
  };
}

export async function touchSession(db: Db, idHash: string) {
  await db.updateTable('sessions').set({ last_seen_at: new Date() }).where('id_hash', '=', idHash).execute();
}

export async function revokeSession(db: Db, idHash: string) {
  await db.updateTable('sessions').set({ revoked_at: new Date() }).where('id_hash', '=', idHash).execute();
}
