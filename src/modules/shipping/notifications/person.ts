import { forbidden } from '../../../http/errors.js';
import type { Principal } from '../../../http/router.js';

/** Notifications and follows are a person's: a service token acts for nobody, so it has neither. */
export function personOf(principal: Principal): string {
  if (!principal.person)
    throw forbidden(
      'notifications belong to a person: sign in, or use a personal token (this token acts for no person, so it has no notifications and follows nothing)',
    );
  return principal.person;
}
