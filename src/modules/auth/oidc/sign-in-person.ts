import type { Db } from '../../../db/schema/index.js';
import type { AuthSettings } from '../../../http/auth-settings.js';
import { AppError } from '../../../http/errors.js';
import type { Principal } from '../../../http/router.js';
import { principalOfPerson, type PersonClaim } from '../people/principal-of-person.js';
import { findUserByEmail } from '../people/repo.js';
import type { SignedInIdentity } from './client.js';

/** The catalog User with the signed-in email (any case), their rights now, and what the session remembers. */
export async function signInPerson(
  db: Db,
  settings: AuthSettings,
  identity: SignedInIdentity,
): Promise<{ principal: Principal; claim: PersonClaim }> {
  const user = await findUserByEmail(db, identity.email);
  const adminGroups = settings.oidc?.adminGroups ?? [];
  const claim: PersonClaim = {
    personRef: user?.ref ?? null,
    email: identity.email,
    idpAdmin: identity.groups.some((g) => adminGroups.includes(g)),
  };
  const principal = await principalOfPerson(db, settings, claim, { tokenId: null, via: 'session', scopes: [] });
  if (!principal)
    throw new AppError(
      'FORBIDDEN',
      `Paved does not know ${identity.email}: only people in the catalog (a User with this email in spec.profile.email) may sign in. Ask a platform admin to add you.`,
    );
  return { principal, claim };
}
