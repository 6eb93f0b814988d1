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

export async function listTokens(db: Db) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'role', 'scopes', 'team_ref', 'created_by', 'created_at', 'last_used_at', 'revoked_at'])
    .orderBy('id')
    .execute();
}

export async function revokeTokens(db: Db, where: { id?: number; name?: string }) {
  let query = db.updateTable('api_tokens').set({ revoked_at: new Date() }).where('revoked_at', 'is', null);
  if (where.id !== undefined) query = query.where('id', '=', where.id);
  if (where.name !== undefined) query = query.where('name', '=', where.name);
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
  session: { idHash: string; tokenId: number | null; subject: string; role: Role; expiresAt: Date },
) {
  await db
    .insertInto('sessions')
    .values({
      id_hash: session.idHash,
      method: 'token',
      token_id: session.tokenId,
      subject: session.subject,
      role: session.role,
      expires_at: session.expiresAt,
    })
    .execute();
}

/** The live session and, when it was opened with a token, that token while it is still active. */
export async function findActiveSession(db: Db, idHash: string) {
  const row = await db
    .selectFrom('sessions')
    .leftJoin('api_tokens', (join) =>
      join.onRef('api_tokens.id', '=', 'sessions.token_id').on('api_tokens.revoked_at', 'is', null),
    )
    .select([
      'sessions.subject',
      'sessions.token_id',
      'api_tokens.id as token_row_id',
      'api_tokens.role as token_role',
      'api_tokens.scopes as token_scopes',
      'api_tokens.team_ref as token_team_ref',
    ])
    .where('sessions.id_hash', '=', idHash)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', new Date())
    .executeTakeFirst();
  if (!row) return undefined;
  const token =
    row.token_row_id !== null && row.token_role !== null
      ? { id: row.token_row_id, role: row.token_role, scopes: row.token_scopes ?? [], team_ref: row.token_team_ref }
      : null;
  return { subject: row.subject, token };
}

export async function revokeSession(db: Db, idHash: string) {
  await db.updateTable('sessions').set({ revoked_at: new Date() }).where('id_hash', '=', idHash).execute();
}
