import type { Db } from '../../../db/schema/index.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Actor } from '../../audit/actor.js';
import { recordAudit } from '../../audit/service.js';
import { generateToken, hashSecret } from '../../auth/tokens.js';
import type { FeedToken, IssuedFeedToken } from './contract.js';
import * as repo from './repo.js';

export const toFeedToken = (r: {
  id: number;
  name: string;
  created_at: Date;
  last_used_at: Date | null;
}): FeedToken => ({
  id: Number(r.id),
  name: r.name,
  createdAt: new Date(r.created_at).toISOString(),
  lastUsedAt: r.last_used_at ? new Date(r.last_used_at).toISOString() : null,
});

/** A feed token for a person: random, stored hashed like API tokens; the secret leaves in this answer only. */
export async function createFeedToken(db: Db, who: Actor, personRef: string, name: string): Promise<IssuedFeedToken> {
  const token = generateToken('pvf');
  return inTransaction(db, async (tx) => {
    const row = await repo.insertFeedToken(tx, { hash: hashSecret(token), personRef, name });
    await recordAudit(tx, who, {
      action: 'create',
      entity: { kind: 'feed-token', id: row.id, ref: personRef },
      summary: `Created feed token ${row.id} "${name}" for ${personRef}`,
      changes: { name: { before: null, after: name } },
    });
    return { ...toFeedToken(row), token };
  });
}

/** Revokes one of the person's own feed tokens; false when they have no active one with that id. */
export async function revokeFeedToken(db: Db, who: Actor, personRef: string, id: number): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const name = await repo.revokeFeedToken(tx, id, personRef);
    if (name === null) return false;
    await recordAudit(tx, who, {
      action: 'revoke',
      entity: { kind: 'feed-token', id, ref: personRef },
      summary: `Revoked feed token ${id} "${name}"`,
      changes: { revokedAt: { before: null, after: new Date().toISOString() } },
    });
    return true;
  });
}
