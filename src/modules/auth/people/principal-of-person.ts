import type { Db } from '../../../db/schema/index.js';
import type { AuthSettings } from '../../../http/auth-settings.js';
import type { Principal } from '../../../http/router.js';
import { findUser, findUserByEmail, teamsOf } from './repo.js';

/** Who a session or personal token says acts: a catalog User (by ref), or an email the catalog did not know. */
export interface PersonClaim {
  personRef: string | null;
  email: string | null;
  /** The provider's groups claim held an admin group at sign-in. */
  idpAdmin: boolean;
}

/**
 * A person's rights now, from the catalog: an organisation admin when PAVED_ADMINS names their email or the
 * provider put them in an admin group; else admin of their platform teams' capabilities when one of their teams
 * owns a capability; else a member of their teams. Someone the catalog does not know gets the default role, or
 * nothing when it is `none`. Null when they may not act: a User removed (or orphaned) from the catalog since.
 */
export async function principalOfPerson(
  db: Db,
  settings: AuthSettings,
  claim: PersonClaim,
  acting: Pick<Principal, 'tokenId' | 'via' | 'scopes'>,
): Promise<Principal | null> {
  const user = claim.personRef
    ? await findUser(db, { ref: claim.personRef })
    : claim.email
      ? await findUserByEmail(db, claim.email)
      : null;
  if (claim.personRef && !user) return null;
  const email = (user?.email ?? claim.email)?.toLowerCase() ?? null;
  const orgAdmin = claim.idpAdmin || (email !== null && settings.admins.includes(email));
  if (user) {
    const { teams, platform } = await teamsOf(db, user.ref);
    const role = orgAdmin || platform ? 'admin' : 'member';
    return { role, orgAdmin, teams, person: user.ref, name: user.name, ...acting };
  }
  if (!email) return null;
  if (orgAdmin) return { role: 'admin', orgAdmin, teams: [], person: null, name: email, ...acting };
  if (settings.defaultRole === 'none') return null;
  return { role: settings.defaultRole, orgAdmin: false, teams: [], person: null, name: email, ...acting };
}
