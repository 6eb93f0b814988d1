import type { Db } from '../../../db/schema/index.js';

export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

export async function insertLogin(db: Db, idHash: string, login: PendingLogin, expiresAt: Date) {
  // Abandoned sign-ins would pile up: each new one clears the expired.
  await db.deleteFrom('oidc_logins').where('expires_at', '<', new Date()).execute();
  await db
    .insertInto('oidc_logins')
    .values({
      id_hash: idHash,
      state: login.state,
      nonce: login.nonce,
      code_verifier: login.codeVerifier,
      return_to: login.returnTo,
      expires_at: expiresAt,
    })
    .execute();
}

/** Takes the pending sign-in once: a callback replayed, or one after ten minutes, finds nothing. */
export async function takeLogin(db: Db, idHash: string): Promise<PendingLogin | null> {
  const row = await db
    .deleteFrom('oidc_logins')
    .where('id_hash', '=', idHash)
    .returning(['state', 'nonce', 'code_verifier', 'return_to', 'expires_at'])
    .executeTakeFirst();
  if (!row || new Date(row.expires_at).getTime() <= Date.now()) return null;
  return { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier, returnTo: row.return_to };
}
