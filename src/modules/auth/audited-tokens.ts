import type { Kysely } from 'kysely';
import type { Role } from '../../db/schema/auth.js';
import type { Database } from '../../db/schema/index.js';
import { inTransaction } from '../../db/transaction.js';
import type { Actor } from '../audit/actor.js';
import { diffFields, recordAudit } from '../audit/service.js';
import * as repo from './repo.js';
import type { AuthSettings } from '../../http/auth-settings.js';
import { createPersonalToken, createToken, type IssuedToken } from './service.js';

/** Issues a token for someone (the API, `paved token create`) and records who did; the secret is never recorded. */
export async function issueToken(
  db: Kysely<Database>,
  input: { name: string; role: Role; scopes?: string[]; teamRef?: string | null },
  actor: Actor,
): Promise<IssuedToken> {
  return inTransaction(db, async (tx) => {
    const issued = await createToken(tx, { ...input, createdBy: actor.name });
    await recordAudit(tx, actor, {
      action: 'create',
      entity: { kind: 'token', id: issued.id, ref: input.teamRef ?? null },
      summary: `Issued ${issued.role} token ${issued.id} "${issued.name}"`,
      changes: diffFields(null, {
        name: issued.name,
        role: issued.role,
        scopes: issued.scopes,
        team: input.teamRef ?? null,
      }),
    });
    return issued;
  });
}

/** Issues a personal token for a person of the catalog, acting with their rights, and records who did. */
export async function issuePersonalToken(
  db: Kysely<Database>,
  settings: AuthSettings,
  input: { user: string; name: string; scopes?: string[] },
  actor: Actor,
): Promise<IssuedToken> {
  return inTransaction(db, async (tx) => {
    const issued = await createPersonalToken(tx, settings, { ...input, createdBy: actor.name });
    await recordAudit(tx, actor, {
      action: 'create',
      entity: { kind: 'token', id: issued.id, ref: issued.person ?? null },
      summary: `Issued personal token ${issued.id} "${issued.name}" for ${issued.person ?? input.user}`,
      changes: diffFields(null, { name: issued.name, person: issued.person ?? null, scopes: issued.scopes }),
    });
    return issued;
  });
}

/**
 * Revokes a token and the sessions opened with it, recording who did; false when no active token has the id (or,
 * with `owner`, none of that person's).
 */
export async function revokeToken(
  db: Kysely<Database>,
  id: number,
  actor: Actor,
  owner?: { personRef: string },
): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const token = (await repo.listTokens(tx)).find((t) => t.id === id);
    if (!token || (owner && token.person_ref !== owner.personRef)) return false;
    if ((await repo.revokeTokens(tx, { id, ...owner })) === 0) return false;
    await recordAudit(tx, actor, {
      action: 'revoke',
      entity: { kind: 'token', id, ref: token.team_ref },
      summary: `Revoked ${token.role} token ${id} "${token.name}" and its sessions`,
      changes: { revokedAt: { before: null, after: new Date().toISOString() } },
    });
    return true;
  });
}
