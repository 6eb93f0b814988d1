import type { Role } from '../../db/schema/auth.js';
import type { Db } from '../../db/schema/index.js';
import type { Principal } from '../../http/router.js';
import * as repo from './repo.js';
import { generateToken, hashSecret } from './tokens.js';

export const SESSION_COOKIE = 'paved_session';
export const SESSION_TTL_MS = 7 * 24 * 3600_000;
const BOOTSTRAP_NAME = 'bootstrap-admin';

/** The token a server with the embedded database hands to the CLI on the same machine, through its lock file. */
export const LOCAL_CLI_TOKEN = 'local-cli';
const LOCAL_CLI_ISSUER = 'server';
/** Sent by the CLI with the local token: the OS user who ran the command, credited instead of the token. */
export const ACTOR_HEADER = 'x-paved-actor';
const CLI_ACTOR = /^cli:[\w.@-]{1,64}$/;

/** Issues the local CLI token, revoking the previous server run's. */
export async function issueLocalCliToken(db: Db): Promise<string> {
  await repo.revokeTokens(db, { name: LOCAL_CLI_TOKEN });
  return (await createToken(db, { name: LOCAL_CLI_TOKEN, role: 'admin', createdBy: LOCAL_CLI_ISSUER })).token;
}

export interface IssuedToken {
  id: number;
  name: string;
  role: Role;
  scopes: string[];
  /** The secret: shown once, never stored. */
  token: string;
}

export async function createToken(
  db: Db,
  input: { name: string; role: Role; scopes?: string[]; createdBy?: string | null; teamRef?: string | null },
): Promise<IssuedToken> {
  const token = generateToken();
  const scopes = input.scopes ?? [];
  const row = await repo.insertToken(db, {
    name: input.name,
    role: input.role,
    scopes,
    tokenHash: hashSecret(token),
    createdBy: input.createdBy ?? null,
    teamRef: input.teamRef ?? null,
  });
  return { id: row.id, name: row.name, role: row.role, scopes, token };
}

/**
 * Makes sure an admin can get in. PAVED_ADMIN_TOKEN wins when set; otherwise a token is generated
 * once, returned so the caller prints it, and never shown again.
 */
export async function ensureAdminToken(db: Db, configured: string | null): Promise<{ generated: string | null }> {
  if (configured) {
    const hash = hashSecret(configured);
    if (await repo.findActiveTokenByHash(db, hash)) return { generated: null };
    // Revoked (or rotated away) on purpose: bringing it back would undo that, and the hash is unique anyway.
    if (await repo.findTokenByHash(db, hash)) throw new Error('PAVED_ADMIN_TOKEN was revoked; configure a new token');
    await repo.revokeTokens(db, { name: BOOTSTRAP_NAME });
    await repo.insertToken(db, {
      name: BOOTSTRAP_NAME,
      role: 'admin',
      scopes: [],
      tokenHash: hash,
      createdBy: 'environment',
    });
    return { generated: null };
  }
  if ((await repo.countActiveAdminTokens(db)) > 0) return { generated: null };
  const issued = await createToken(db, { name: BOOTSTRAP_NAME, role: 'admin', createdBy: 'first start' });
  return { generated: issued.token };
}

/**
 * The caller of a token, or null. `claimedActor` (the ACTOR_HEADER) names the caller only with the server's own
 * local CLI token, whose holder is whoever may read the data directory; any other token is credited by its name.
 */
export async function authenticateToken(db: Db, token: string, claimedActor?: string): Promise<Principal | null> {
  const row = await repo.findActiveTokenByHash(db, hashSecret(token));
  if (!row) return null;
  // A write on every request would put the database on the hot path; a minute's precision is plenty.
  if (!row.last_used_at || Date.now() - new Date(row.last_used_at).getTime() > 60_000)
    await repo.touchToken(db, row.id);
  const local = row.name === LOCAL_CLI_TOKEN && row.created_by === LOCAL_CLI_ISSUER;
  const name = local && claimedActor && CLI_ACTOR.test(claimedActor) ? claimedActor : row.name;
  return principalOfToken(row, name, 'token');
}

/**
 * A service token acts with its role: an admin token without a team is an organisation admin; one issued for a
 * team (`--team`) administers that platform team's capabilities only; a member token writes for its team.
 */
function principalOfToken(
  row: { id: number; role: Role; scopes: string[]; team_ref: string | null },
  name: string,
  via: Principal['via'],
): Principal {
  return {
    role: row.role,
    orgAdmin: row.role === 'admin' && !row.team_ref,
    teams: row.team_ref ? [row.team_ref] : [],
    person: null,
    name,
    tokenId: row.id,
    via,
    scopes: row.scopes,
  };
}

/** The active token with this secret, if any (the demo checks the token it kept still works). */
export async function findActiveToken(db: Db, token: string) {
  return (await repo.findActiveTokenByHash(db, hashSecret(token))) ?? null;
}

/** A session opened with a token acts as that token does now (its scopes included), until either is revoked. */
export async function authenticateSession(db: Db, sessionId: string): Promise<Principal | null> {
  const row = await repo.findActiveSession(db, hashSecret(sessionId));
  if (!row?.token) return null;
  return principalOfToken(row.token, row.subject, 'session');
}

/** A session is its own secret, so signing out never revokes the token it was opened with. */
export async function openSession(db: Db, principal: Principal): Promise<{ sessionId: string; expiresAt: Date }> {
  const sessionId = generateToken('pvs');
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await repo.insertSession(db, {
    idHash: hashSecret(sessionId),
    tokenId: principal.tokenId,
    subject: principal.name,
    role: principal.role,
    expiresAt,
  });
  return { sessionId, expiresAt };
}

export async function closeSession(db: Db, sessionId: string) {
  await repo.revokeSession(db, hashSecret(sessionId));
}

export { listTokens, revokeTokens } from './repo.js';
