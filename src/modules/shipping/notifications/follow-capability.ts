import type { EntityRow } from '../../../db/schema/entities.js';
import type { Db } from '../../../db/schema/index.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Principal } from '../../../http/router.js';
import { diffFields, recordAudit } from '../../audit/service.js';
import { personOf } from './person.js';
import { deleteFollow, findFollow, insertFollow } from './repo.js';

// Following a capability is a lasting choice that makes Paved write to the person, so it is audited (who follows
// what, and since when, answers "why am I told this?"); following twice or unfollowing what one does not follow
// changes nothing and says so, as votes do.

/** Follows (or, with `follow` false, unfollows) a capability as the caller; returns since when they follow, or null. */
export async function setFollow(
  db: Db,
  principal: Principal,
  capability: EntityRow,
  follow: boolean,
): Promise<Date | null> {
  const person = personOf(principal);
  return inTransaction(db, async (tx) => {
    const changed = follow
      ? await insertFollow(tx, person, capability.id)
      : await deleteFollow(tx, person, capability.id);
    const verb = follow ? 'followed' : 'unfollowed';
    await recordAudit(tx, principal, {
      action: follow ? 'follow' : 'unfollow',
      entity: { kind: 'follow', id: capability.name, ref: capability.ref },
      summary: changed
        ? `${principal.name} ${verb} ${capability.name}`
        : follow
          ? `${principal.name} followed ${capability.name} again: nothing changed`
          : `${principal.name} unfollowed ${capability.name}, which they did not follow: nothing changed`,
      changes: changed ? diffFields(follow ? null : { follower: person }, follow ? { follower: person } : null) : {},
    });
    return follow ? findFollow(tx, person, capability.id) : null;
  });
}
