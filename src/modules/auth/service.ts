import type { Role } from '../../db/schema/auth.js';
import type { Db } from '../../db/schema/index.js';
import { DEFAULT_AUTH_SETTINGS, type AuthSettings } from '../../http/auth-settings.js';
import type { Principal } from '../../http/router.js';
import { principalOfPerson, type PersonClaim } from './people/principal-of-person.js';
import * as repo from './repo.js';
import { findUser } from './people/repo.js';
import { AppError } from '../../http/errors.js';
import { generateToken, hashSecret } from './tokens.js';

export const SESSION_COOKIE = 'paved_session';
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
  /** The catalog User a personal token acts for. */
  person: string | null;
  /** The secret: shown once, never stored. */
  token: string;
}

/** A token with `personRef` is a personal token: it acts as that catalog User, with their rights. */
export async function createToken(
  db: Db,
  input: {
    name: string;
    role: Role;
    scopes?: string[];
    createdBy?: string | null;
    teamRef?: string | null;
    personRef?: string | null;
  },
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
    personRef: input.personRef ?? null,
  });
  return { id: row.id, name: row.name, role: row.role, scopes, person: row.person_ref, token };
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
export async function authenticateToken(
  db: Db,
  token: string,
  claimedActor?: string,
  settings: AuthSettings = DEFAULT_AUTH_SETTINGS,
): Promise<Principal | null> {
  const row = await repo.findActiveTokenByHash(db, hashSecret(token));
  if (!row) return null;
  // A write on every request would put the database on the hot path; a minute's precision is plenty.
  if (!row.last_used_at || Date.now() - new Date(row.last_used_at).getTime() > 60_000)
    await repo.touchToken(db, row.id);
  const local = row.name === LOCAL_CLI_TOKEN && row.created_by === LOCAL_CLI_ISSUER;
  const name = local && claimedActor && CLI_ACTOR.test(claimedActor) ? claimedActor : row.name;
  return principalOfTokenRow(db, settings, row, name, 'token');
}

type TokenFacts = { id: number; role: Role; scopes: string[]; team_ref: string | null; person_ref: string | null };

/** A personal token acts as its person does now (null once they left the catalog); a service token with its role. */
async function principalOfTokenRow(
  db: Db,
  settings: AuthSettings,
  row: TokenFacts,
  name: string,
  via: Principal['via'],
): Promise<Principal | null> {
  if (!row.person_ref) return principalOfToken(row, name, via);
  const claim: PersonClaim = { personRef: row.person_ref, email: null, idpAdmin: false };
  return principalOfPerson(db, settings, claim, { tokenId: row.id, via, scopes: row.scopes });
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

/**
 * A live session's caller, computed now: one opened with a token acts as that token does (its scopes included)
 * until either is revoked; a person's acts as that person does in the catalog now, and ends when they leave it.
 * A session ends after sessionIdleMs unused and sessionMaxMs after sign-in.
 */
export async function authenticateSession(
  db: Db,
  sessionId: string,
  settings: AuthSettings = DEFAULT_AUTH_SETTINGS,
): Promise<Principal | null> {
  const idHash = hashSecret(sessionId);
  const row = await repo.findActiveSession(db, idHash, new Date(Date.now() - settings.sessionIdleMs));
  if (!row) return null;
  let principal: Principal | null = null;
  if (row.method === 'oidc') {
    const claim = { personRef: row.personRef, email: row.personEmail, idpAdmin: row.idpAdmin };
    principal = await principalOfPerson(db, settings, claim, { tokenId: null, via: 'session', scopes: [] });
  } else if (row.token) {
    principal = await principalOfTokenRow(db, settings, row.token, row.subject, 'session');
  }
  if (!principal) {
    // The person left the catalog (or the default role became none): the session ends for good.
    await repo.revokeSession(db, idHash);
    return null;
  }
  // Idle expiry needs last use; a minute's precision keeps the write off most requests.
  if (Date.now() - new Date(row.lastSeenAt).getTime() > 60_000) await repo.touchSession(db, idHash);
  return principal;
}

export interface OpenedSession {
  sessionId: string;
  /** The absolute expiry: the cookie's. */
  expiresAt: Date;
}

/** A session is its own secret, so signing out never revokes the token it was opened with. */
export async function openSession(
  db: Db,
  principal: Principal,
  settings: AuthSettings = DEFAULT_AUTH_SETTINGS,
  person?: PersonClaim,
): Promise<OpenedSession> {
  const sessionId = generateToken('pvs');
  const expiresAt = new Date(Date.now() + settings.sessionMaxMs);
  await repo.insertSession(db, {
    idHash: hashSecret(sessionId),
    method: person ? 'oidc' : 'token',
    tokenId: person ? null : principal.tokenId,
    subject: principal.name,
    role: principal.role,
    expiresAt,
    personRef: person?.personRef ?? null,
    personEmail: person?.email ?? null,
    idpAdmin: person?.idpAdmin ?? false,
  });
  return { sessionId, expiresAt };
}

export async function closeSession(db: Db, sessionId: string) {
  await repo.revokeSession(db, hashSecret(sessionId));
}

export { listTokens, revokeTokens } from './repo.js';
export { findUser } from './people/repo.js';

/**
 * Issues a personal token for a catalog User (name, ref or email): it acts as that person, with their rights as the
 * catalog gives them at each use; the stored role is theirs at issue, for the list only.
 */
export async function createPersonalToken(
  db: Db,
  settings: AuthSettings,
  input: { user: string; name: string; scopes?: string[]; createdBy: string | null },
): Promise<IssuedToken> {
  const user = await findUser(db, { nameOrEmail: input.user });
  if (!user) throw new AppError('NOT_FOUND', `no person "${input.user}" in the catalog (a User, by name or email)`);
  const now = await principalOfPerson(
    db,
    settings,
    { personRef: user.ref, email: null, idpAdmin: false },
    {
      tokenId: null,
      via: 'token',
      scopes: [],
    },
  );
  return createToken(db, {
    name: input.name,
    role: now?.role ?? 'viewer',
    scopes: input.scopes ?? [],
    createdBy: input.createdBy,
    personRef: user.ref,
  });
}
